package org.backstory.members.account;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Passwordless sign-in: a single-use link, valid for 15 minutes, mailed to the member's
 * address.
 */
@Service
public class LinkSignIn {

	private final MemberRepository members;

	private final OneTimeTokens tokens;

	private final MemberMails mails;

	private final AddressProofs proofs;

	LinkSignIn(MemberRepository members, OneTimeTokens tokens, MemberMails mails, AddressProofs proofs) {
		this.members = members;
		this.tokens = tokens;
		this.mails = mails;
		this.proofs = proofs;
	}

	/**
	 * Mails a sign-in link if {@code email} has an account; does nothing otherwise, and
	 * says nothing.
	 */
	@Transactional
	public void request(String email, @Nullable String next) {
		members.findByEmail(email)
			.ifPresent(member -> mails.signInLink(member, tokens.issue(member.id(), TokenPurpose.MAGIC_LINK), next));
	}

	/** What a sign-in token is, without using it up (for the confirmation page). */
	public TokenCheck check(@Nullable String token) {
		return tokens.check(token, TokenPurpose.MAGIC_LINK);
	}

	/**
	 * Uses the token up and returns its member, whose address is now proven: the link
	 * reached their mailbox ({@link AddressProofs}). Empty when the token is not valid.
	 */
	@Transactional
	public Optional<Member> signIn(@Nullable String token) {
		return tokens.consume(token, TokenPurpose.MAGIC_LINK).flatMap(id -> {
			proofs.proven(id);
			return members.findById(id);
		});
	}

}
