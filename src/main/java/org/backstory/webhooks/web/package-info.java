/** The webhook admin pages at {@code /admin/webhooks}. */
@NullMarked
package org.backstory.webhooks.web;

import org.jspecify.annotations.NullMarked;
