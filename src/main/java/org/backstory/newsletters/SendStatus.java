package org.backstory.newsletters;

import java.util.Locale;

/** Where a send is. */
public enum SendStatus {

	/** Waiting for its time. */
	SCHEDULED,
	/** Recipients fixed; workers are mailing them. */
	SENDING,
	/** Every recipient is done with: sent, failed, bounced or suppressed. */
	SENT,
	/** Stopped before it started. */
	CANCELED;

	static SendStatus ofCode(String code) {
		return valueOf(code.toUpperCase(Locale.ROOT));
	}

}
