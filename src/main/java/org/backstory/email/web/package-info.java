/** The email module's admin pages: the outbox. */
@NullMarked
package org.backstory.email.web;

import org.jspecify.annotations.NullMarked;
