package org.backstory.members.account;

import org.backstory.shared.StartRefused;
import org.jspecify.annotations.Nullable;

/**
 * A two-factor key the app cannot start with; the message is one sentence saying what is
 * wrong.
 */
class InvalidTwoFactorKeyException extends StartRefused {

	private static final long serialVersionUID = 1L;

	private static final String ACTION = "Give every app node the key the staff's two-factor secrets were sealed with "
			+ "(BACKSTORY_TWO_FACTOR_KEY, or the data directory's two-factor.key). If that key is lost, so are the "
			+ "secrets: run 'delete from members.two_factor; update members.two_factor_settings set key_check = null' "
			+ "and have the staff turn two-factor sign-in on again.";

	InvalidTwoFactorKeyException(String message, @Nullable Throwable cause) {
		super(message, ACTION, cause);
	}

}
