package org.backstory.members.account;

import java.time.Duration;

/**
 * What a one-time token is for, and how long it lives. Staff invites name an address
 * rather than an account, so their tokens are kept with the invite
 * ({@code members.staff_invite}) instead of in the one-time token table.
 */
public enum TokenPurpose {

	MAGIC_LINK(Duration.ofMinutes(15)), PASSWORD_RESET(Duration.ofHours(1)),
	/** The sign-up confirmation, which also signs in: a day, as Ghost's sign-up links. */
	EMAIL_VERIFICATION(Duration.ofHours(24)), STAFF_INVITE(Duration.ofDays(7));

	private final Duration lifetime;

	TokenPurpose(Duration lifetime) {
		this.lifetime = lifetime;
	}

	public Duration lifetime() {
		return lifetime;
	}

}
