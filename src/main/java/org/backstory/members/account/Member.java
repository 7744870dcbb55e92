package org.backstory.members.account;

import java.time.Instant;

import org.backstory.members.MemberProfile;
import org.backstory.members.MemberRole;
import org.backstory.members.SignedInMember;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code members.member}. The password hash never leaves this package's
 * services.
 */
public record Member(long id, String email, String name, @Nullable String passwordHash, MemberRole role,
		@Nullable Instant emailVerifiedAt, Instant createdAt) {

	public boolean hasPassword() {
		return passwordHash != null;
	}

	public boolean emailVerified() {
		return emailVerifiedAt != null;
	}

	public SignedInMember signedIn() {
		return new SignedInMember(id, email, name, role);
	}

	public MemberProfile profile() {
		return new MemberProfile(id, email, name, role, emailVerified(), createdAt);
	}

}
