/**
 * Accounts inside the members module: the member table, one-time tokens, sign-in
 * throttling, passwords and the account operations the web pages call. Internal to the
 * module.
 */
@NullMarked
package org.backstory.members.account;

import org.jspecify.annotations.NullMarked;
