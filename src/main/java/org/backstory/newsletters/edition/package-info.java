/**
 * The view the newsletter email template ({@code newsletters/email.jte}) reads. Public
 * only because the precompiled template reads it; internal to the newsletters module.
 */
@NullMarked
package org.backstory.newsletters.edition;

import org.jspecify.annotations.NullMarked;
