package org.backstory.email.dkim;

import org.jspecify.annotations.Nullable;

/** DKIM settings the app cannot sign with; the message is one sentence naming the variable to fix. */
class InvalidDkimConfigurationException extends RuntimeException {

	InvalidDkimConfigurationException(String message) {
		super(message);
	}

	InvalidDkimConfigurationException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
