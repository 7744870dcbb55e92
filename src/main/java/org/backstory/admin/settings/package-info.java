/**
 * The site settings page: the publication's identity and legal details, metering and the
 * grace period.
 */
@NullMarked
package org.backstory.admin.settings;

import org.jspecify.annotations.NullMarked;
