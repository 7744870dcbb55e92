package org.backstory.members.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

import org.backstory.members.MemberRegistered;
import org.backstory.members.MemberRole;
import org.backstory.members.NewAccount;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating accounts (sign-up and seeding) and verifying their addresses. */
@Service
public class Registration {

	private final MemberRepository members;

	private final Passwords passwords;

	private final OneTimeTokens tokens;

	private final MemberMails mails;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Registration(MemberRepository members, Passwords passwords, OneTimeTokens tokens, MemberMails mails,
			ApplicationEventPublisher events, Clock clock) {
		this.members = members;
		this.passwords = passwords;
		this.tokens = tokens;
		this.mails = mails;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Signs up a reader and mails them a verification link.
	 * @param optIns the keys of the sign-up form's opt-ins the reader ticked, or null when the form
	 * offered none (the defaults apply)
	 * @throws EmailTakenException when the address already has an account
	 */
	@Transactional
	public Member signUp(String email, String name, String password, @Nullable Set<String> optIns) {
		return signUp(email, name, password, optIns, null);
	}

	/**
	 * Signs up a reader who came from an article, and mails them a verification link.
	 * @param articleId the article the reader was on, already checked to exist, or null
	 * @throws EmailTakenException when the address already has an account
	 */
	@Transactional
	public Member signUp(String email, String name, String password, @Nullable Set<String> optIns,
			@Nullable Long articleId) {
		Member member = insert(new NewAccount(email, name, password, MemberRole.MEMBER, false), optIns);
		if (articleId != null) {
			members.attributeSignup(member.id(), articleId);
		}
		mails.verification(member, tokens.issue(member.id(), TokenPurpose.EMAIL_VERIFICATION));
		return member;
	}

	/**
	 * Creates an account as given, without mail.
	 * @throws EmailTakenException when the address already has an account
	 */
	@Transactional
	public Member create(NewAccount account) {
		return insert(account, null);
	}

	private Member insert(NewAccount account, @Nullable Set<String> optIns) {
		Instant now = clock.instant();
		String hash = account.password() == null ? null : passwords.hash(account.password());
		long id;
		try {
			id = members.insert(account.email(), account.name(), hash, account.role(), account.verified() ? now : null,
					now);
		}
		catch (DuplicateKeyException ex) {
			throw new EmailTakenException();
		}
		events.publishEvent(new MemberRegistered(id, optIns));
		return members.findById(id).orElseThrow();
	}

	/** Marks the address verified if the token is a valid verification token; returns whether it was. */
	@Transactional
	public boolean verify(@Nullable String token) {
		return tokens.consume(token, TokenPurpose.EMAIL_VERIFICATION).map(id -> {
			members.markVerified(id, clock.instant());
			return true;
		}).orElse(false);
	}

	/** What a verification token is, for a precise message when it no longer works. */
	public TokenCheck checkVerification(@Nullable String token) {
		return tokens.check(token, TokenPurpose.EMAIL_VERIFICATION);
	}

	/** Mails a new verification link to a member whose address is not verified yet. */
	@Transactional
	public void resendVerification(long memberId) {
		members.findById(memberId)
			.filter(member -> !member.emailVerified())
			.ifPresent(member -> mails.verification(member, tokens.issue(member.id(), TokenPurpose.EMAIL_VERIFICATION)));
	}

}
