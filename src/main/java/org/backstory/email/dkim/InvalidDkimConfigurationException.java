package org.backstory.email.dkim;

import org.backstory.shared.StartRefused;
import org.jspecify.annotations.Nullable;

/**
 * DKIM settings the app cannot sign with; the message is one sentence naming the variable
 * to fix.
 */
class InvalidDkimConfigurationException extends StartRefused {

	private static final long serialVersionUID = 1L;

	private static final String ACTION = "Fix the BACKSTORY_DKIM_* variables, or unset all three to send mail without a DKIM "
			+ "signature (see docs/deliverability.md).";

	InvalidDkimConfigurationException(String message) {
		super(message, ACTION);
	}

	InvalidDkimConfigurationException(String message, @Nullable Throwable cause) {
		super(message, ACTION, cause);
	}

}
