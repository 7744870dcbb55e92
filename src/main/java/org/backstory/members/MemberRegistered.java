package org.backstory.members;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * An account was created (sign-up or {@link MemberDirectory#createAccount}). Published
 * synchronously in the creating transaction.
 *
 * @param memberId the new member's id
 * @param optIns the {@link SignupOptIn#key keys} of the opt-ins the member ticked on the
 * sign-up form (possibly none), or null when the account was not made through that form
 * (seeding, imports), in which case the member gets whatever is on by default
 */
public record MemberRegistered(long memberId, @Nullable Set<String> optIns) {

	public MemberRegistered {
		optIns = optIns == null ? null : Set.copyOf(optIns);
	}

	/** An account made without the sign-up form: the defaults apply. */
	public MemberRegistered(long memberId) {
		this(memberId, null);
	}

}
