package org.backstory.members.account;

import java.time.Duration;

/** What a one-time token is for, and how long it lives. */
public enum TokenPurpose {

	MAGIC_LINK(Duration.ofMinutes(15)), PASSWORD_RESET(Duration.ofHours(1)), EMAIL_VERIFICATION(Duration.ofDays(7));

	private final Duration lifetime;

	TokenPurpose(Duration lifetime) {
		this.lifetime = lifetime;
	}

	public Duration lifetime() {
		return lifetime;
	}

}
