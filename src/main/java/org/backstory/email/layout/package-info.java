/**
 * The one layout of system mail: a {@link org.backstory.email.SystemMail} as a plain-text
 * part and an HTML part ({@code email/system.jte}, inside the frame newsletters use too),
 * both from the same model.
 */
@NullMarked
package org.backstory.email.layout;

import org.jspecify.annotations.NullMarked;
