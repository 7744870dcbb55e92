/**
 * Welcome mails: one after a member proves their address at sign-up, one after their
 * first subscription starts, each at most once per member; their subject and text are
 * edited by staff at {@code /admin/settings/welcome}.
 */
@NullMarked
package org.backstory.members.welcome;

import org.jspecify.annotations.NullMarked;
