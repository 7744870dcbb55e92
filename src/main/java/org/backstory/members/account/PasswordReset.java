package org.backstory.members.account;

import java.time.Clock;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Forgotten passwords: a single-use link, valid for an hour, leads to a form for a new
 * one.
 */
@Service
public class PasswordReset {

	private final MemberRepository members;

	private final OneTimeTokens tokens;

	private final Passwords passwords;

	private final MemberMails mails;

	private final AddressProofs proofs;

	private final Clock clock;

	PasswordReset(MemberRepository members, OneTimeTokens tokens, Passwords passwords, MemberMails mails,
			AddressProofs proofs, Clock clock) {
		this.members = members;
		this.tokens = tokens;
		this.passwords = passwords;
		this.mails = mails;
		this.proofs = proofs;
		this.clock = clock;
	}

	/**
	 * Mails a reset link if {@code email} has an account; does nothing otherwise, and
	 * says nothing.
	 */
	@Transactional
	public void request(String email) {
		members.findByEmail(email)
			.ifPresent(member -> mails.passwordReset(member, tokens.issue(member.id(), TokenPurpose.PASSWORD_RESET)));
	}

	public TokenCheck check(@Nullable String token) {
		return tokens.check(token, TokenPurpose.PASSWORD_RESET);
	}

	/**
	 * Sets a new password (which the caller has checked against
	 * {@link PasswordPolicy#problem}) if the token is valid, using it up; the link proves
	 * the address ({@link AddressProofs}, before the new password is set, which therefore
	 * stays). Empty when the token is not valid.
	 */
	@Transactional
	public Optional<Member> reset(@Nullable String token, String newPassword) {
		return tokens.consume(token, TokenPurpose.PASSWORD_RESET).flatMap(id -> {
			proofs.proven(id);
			members.updatePassword(id, passwords.hash(newPassword), clock.instant());
			return members.findById(id);
		});
	}

}
