package org.backstory.members.account;

import org.jspecify.annotations.Nullable;

/** A two-factor key the app cannot start with; the message is one sentence saying what is wrong. */
class InvalidTwoFactorKeyException extends RuntimeException {

	InvalidTwoFactorKeyException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
