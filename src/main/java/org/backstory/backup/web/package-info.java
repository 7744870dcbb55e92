/** The owner's backup download. */
@NullMarked
package org.backstory.backup.web;

import org.jspecify.annotations.NullMarked;
