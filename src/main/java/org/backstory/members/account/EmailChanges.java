package org.backstory.members.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.backstory.members.account.AccountSettings.Outcome;
import org.backstory.shared.StaffActions;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member changing their address. Asking needs their password (or, for link-only
 * accounts, the current address typed out) and mails a link to the new address; the
 * change applies only when that link is opened and confirmed, within 24 hours. Then the
 * new address counts as verified, links mailed to the old one stop working, and the old
 * address gets a notice. The caller ends the member's other sessions.
 */
@Service
public class EmailChanges {

	static final Duration LINK_LIFETIME = Duration.ofHours(24);

	private static final Logger log = LoggerFactory.getLogger(EmailChanges.class);

	private final MemberRepository members;

	private final EmailChangeRepository changes;

	private final AccountSettings settings;

	private final OneTimeTokens tokens;

	private final MemberMails mails;

	private final StaffActions audit;

	private final Clock clock;

	EmailChanges(MemberRepository members, EmailChangeRepository changes, AccountSettings settings,
			OneTimeTokens tokens, MemberMails mails, StaffActions audit, Clock clock) {
		this.members = members;
		this.changes = changes;
		this.settings = settings;
		this.tokens = tokens;
		this.mails = mails;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Mails a confirmation link to {@code newEmail} (already checked to be a valid
	 * address other than the member's), replacing any earlier request. An address that
	 * has an account gets a notice instead, and the answer is the same, so the form tells
	 * no one which addresses have accounts.
	 */
	@Transactional
	public Outcome request(long memberId, String newEmail, @Nullable String confirmation) {
		Member member = members.findById(memberId).orElseThrow();
		Outcome confirmed = settings.confirm(member, confirmation);
		if (confirmed != Outcome.DONE) {
			return confirmed;
		}
		if (members.findByEmail(newEmail).isPresent()) {
			mails.emailInUse(member, newEmail);
		}
		else {
			Instant now = clock.instant();
			mails.emailChangeLink(member, newEmail, changes.request(memberId, newEmail, now, now.plus(LINK_LIFETIME)));
		}
		log.info("Email change requested memberId={}", memberId);
		return Outcome.DONE;
	}

	/** What a change link is, without using it up; empty when it is unknown. */
	public Optional<EmailChange> check(@Nullable String token) {
		return OneTimeTokens.wellFormed(token) ? changes.find(token, clock.instant()) : Optional.empty();
	}

	/**
	 * Applies the change the link asks for, using it up.
	 * @return the member with the new address, empty when the link no longer works
	 * @throws EmailTakenException when the new address got an account since the link was
	 * sent
	 */
	@Transactional
	public Optional<Member> apply(@Nullable String token) {
		if (!OneTimeTokens.wellFormed(token)) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		return changes.consume(token, now).map(change -> {
			Member before = members.lockById(change.memberId()).orElseThrow();
			if (members.findByEmail(change.newEmail()).isPresent()) {
				throw new EmailTakenException();
			}
			try {
				members.changeEmail(before.id(), change.newEmail(), now);
			}
			catch (DuplicateKeyException ex) {
				throw new EmailTakenException();
			}
			tokens.discardUnused(before.id());
			settings.edited(before.id());
			settings.addressChanged(before.id(), change.newEmail());
			Member after = members.findById(before.id()).orElseThrow();
			mails.emailChanged(before.email(), after);
			if (after.role().staff()) {
				audit.record(after.id(), "staff.email-changed", StaffRoster.subject(after), "was " + before.email());
			}
			log.info("Email changed memberId={}", after.id());
			return after;
		});
	}

}
