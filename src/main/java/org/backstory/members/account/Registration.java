package org.backstory.members.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import org.backstory.members.MemberRegistered;
import org.backstory.members.MemberRole;
import org.backstory.members.NewAccount;
import org.backstory.shared.CommittedCounter;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating accounts (sign-up and seeding) and confirming their addresses. Sign-up follows
 * Ghost: the reader gives an address and a name, and nothing more happens until a mailed
 * link comes back. Only then are they signed in, and only then may they choose a
 * password.
 */
@Service
public class Registration {

	private static final Logger log = LoggerFactory.getLogger(Registration.class);

	private final MemberRepository members;

	private final Passwords passwords;

	private final OneTimeTokens tokens;

	private final MemberMails mails;

	private final AddressProofs proofs;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	/**
	 * Accounts made through the sign-up form ({@code backstory_members_signups_total}).
	 */
	private final CommittedCounter signups;

	Registration(MemberRepository members, Passwords passwords, OneTimeTokens tokens, MemberMails mails,
			AddressProofs proofs, ApplicationEventPublisher events, Clock clock, MeterRegistry meters) {
		this.members = members;
		this.passwords = passwords;
		this.tokens = tokens;
		this.mails = mails;
		this.proofs = proofs;
		this.events = events;
		this.clock = clock;
		this.signups = new CommittedCounter(meters.counter("backstory.members.signups"));
	}

	/**
	 * Signs up a reader. A new address gets an account (no password, address not
	 * verified) and a link that confirms it; an address that has an account gets a
	 * sign-in link instead, and nothing else changes. Both links lead on to {@code next}.
	 * The caller answers both alike, so sign-up reveals no one's account.
	 * @param optIns the keys of the sign-up form's opt-ins the reader ticked, or null
	 * when the form offered none (the defaults apply)
	 * @param articleId the article the reader was on, already checked to exist, or null
	 */
	@Transactional
	public void signUp(String email, String name, @Nullable Set<String> optIns, @Nullable Long articleId,
			@Nullable String next) {
		Optional<Long> created = members.insert(email, name, null, MemberRole.MEMBER, null, clock.instant());
		if (created.isEmpty()) {
			Member existing = members.findByEmail(email).orElseThrow();
			mails.signUpWithExistingAccount(existing, tokens.issue(existing.id(), TokenPurpose.MAGIC_LINK), next);
			log.info("Sign-up with an address that has an account memberId={}", existing.id());
			return;
		}
		long id = created.get();
		events.publishEvent(new MemberRegistered(id, optIns));
		signups.increment();
		if (articleId != null) {
			members.attributeSignup(id, articleId);
		}
		Member member = members.findById(id).orElseThrow();
		mails.confirmation(member, tokens.issue(id, TokenPurpose.EMAIL_VERIFICATION), next);
		log.info("Signed up memberId={}", id);
	}

	/**
	 * Creates an account as given, without mail.
	 * @throws EmailTakenException when the address already has an account
	 */
	@Transactional
	public Member create(NewAccount account) {
		Instant now = clock.instant();
		String hash = account.password() == null ? null : passwords.hash(account.password());
		long id = members
			.insert(account.email(), account.name(), hash, account.role(), account.verified() ? now : null, now)
			.orElseThrow(EmailTakenException::new);
		events.publishEvent(new MemberRegistered(id, null));
		return members.findById(id).orElseThrow();
	}

	/**
	 * Uses up a confirmation token and returns its member, whose address is now proven
	 * ({@link AddressProofs}), to be signed in. Empty when the token is not valid.
	 */
	@Transactional
	public Optional<Member> confirm(@Nullable String token) {
		return tokens.consume(token, TokenPurpose.EMAIL_VERIFICATION).flatMap(id -> {
			proofs.proven(id);
			return members.findById(id);
		});
	}

	/**
	 * What a confirmation token is, without using it up, for the page that asks to press
	 * the button.
	 */
	public TokenCheck checkConfirmation(@Nullable String token) {
		return tokens.check(token, TokenPurpose.EMAIL_VERIFICATION);
	}

	/** Mails a new confirmation link to a member whose address is not verified yet. */
	@Transactional
	public void resendConfirmation(long memberId) {
		members.findById(memberId)
			.filter(member -> !member.emailVerified())
			.ifPresent(member -> mails.confirmation(member, tokens.issue(member.id(), TokenPurpose.EMAIL_VERIFICATION),
					null));
	}

}
