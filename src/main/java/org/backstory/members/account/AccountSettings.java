package org.backstory.members.account;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.backstory.email.Mailer;
import org.backstory.members.MemberDeleted;
import org.backstory.members.AddressVerified;
import org.backstory.members.MemberEdited;
import org.backstory.members.account.SignInThrottle.Reservation;
import org.backstory.members.account.SignInThrottle.Subject;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a signed-in member changes about their own account: name, password, and deleting
 * it.
 */
@Service
public class AccountSettings {

	private static final Logger log = LoggerFactory.getLogger(AccountSettings.class);

	private final MemberRepository members;

	private final Passwords passwords;

	private final SignInThrottle throttle;

	private final Mailer mailer;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final Clock clock;

	AccountSettings(MemberRepository members, Passwords passwords, SignInThrottle throttle, Mailer mailer,
			ApplicationEventPublisher events, JdbcClient jdbc, Clock clock) {
		this.members = members;
		this.passwords = passwords;
		this.throttle = throttle;
		this.mailer = mailer;
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The outcome of a change that needs the member to prove who they are. */
	public enum Outcome {

		DONE, WRONG_CONFIRMATION, THROTTLED

	}

	@Transactional
	public Member rename(long memberId, String name) {
		members.updateName(memberId, name, clock.instant());
		edited(memberId);
		return members.findById(memberId).orElseThrow();
	}

	/**
	 * Tells other modules, inside the changing transaction, that the member's name or
	 * address changed.
	 */
	void edited(long memberId) {
		events.publishEvent(new MemberEdited(memberId));
	}

	/** Announces an address just proven by a change-of-address link. */
	void addressChanged(long memberId, String email) {
		events.publishEvent(new AddressVerified(memberId, email));
	}

	/**
	 * Sets a new password after checking the current one; wrong current passwords count
	 * as failed sign-ins.
	 */
	@Transactional
	public Outcome changePassword(long memberId, @Nullable String currentPassword, String newPassword) {
		Member member = members.findById(memberId).orElseThrow();
		Outcome confirmed = confirmPassword(member, currentPassword);
		if (confirmed == Outcome.DONE) {
			members.updatePassword(memberId, passwords.hash(newPassword), clock.instant());
		}
		return confirmed;
	}

	/**
	 * Gives a first password to an account that has none and whose address is proven; the
	 * caller has checked that this session was signed in by an emailed link. Whether it
	 * did: an account with a password changes it with {@link #changePassword}, and an
	 * unproven address may not get one at all.
	 */
	@Transactional
	public boolean setFirstPassword(long memberId, String newPassword) {
		Member member = members.findById(memberId).orElseThrow();
		if (member.hasPassword() || !member.emailVerified()) {
			return false;
		}
		members.updatePassword(memberId, passwords.hash(newPassword), clock.instant());
		return true;
	}

	/**
	 * Deletes the member and all their personal data: the row, their tokens and throttle
	 * counters, their mail, and (through {@link MemberDeleted}, whose listeners run in
	 * this transaction) other modules' rows. Confirmed with the password, or for
	 * link-only accounts by typing the address.
	 */
	@Transactional
	public Outcome delete(long memberId, @Nullable String confirmation) {
		Member member = members.findById(memberId).orElseThrow();
		Outcome confirmed = confirm(member, confirmation);
		if (confirmed != Outcome.DONE) {
			return confirmed;
		}
		erase(member);
		return Outcome.DONE;
	}

	/**
	 * Deletes the member and all their personal data as {@link #delete} does, without a
	 * confirmation: for staff, who confirm on their own page.
	 */
	@Transactional
	public void erase(long memberId) {
		erase(members.findById(memberId).orElseThrow());
	}

	private void erase(Member member) {
		long memberId = member.id();
		events.publishEvent(new MemberDeleted(memberId));
		String email = member.email().toLowerCase(Locale.ROOT);
		jdbc.sql("delete from members.sign_in_throttle where throttle_key in (:keys)")
			.param("keys",
					List.of(ThrottleRule.LOGIN_EMAIL.key(email), ThrottleRule.MAIL_EMAIL.key(email),
							ThrottleRule.CODE_MEMBER.key(Long.toString(memberId)),
							ThrottleRule.SECOND_FACTOR_MEMBER.key(Long.toString(memberId))))
			.update();
		members.delete(memberId);
		mailer.forget(member.email());
		log.info("Member deleted memberId={}", memberId);
	}

	/**
	 * Checks that the signed-in member is who they say before a change that matters:
	 * their password, or for link-only accounts their address typed out. Wrong passwords
	 * count as failed sign-ins.
	 */
	Outcome confirm(Member member, @Nullable String confirmation) {
		return member.hasPassword() ? confirmPassword(member, confirmation) : confirmEmail(member, confirmation);
	}

	/** Checks the member's password, counted as a sign-in attempt of their address. */
	Outcome confirmPassword(Member member, @Nullable String password) {
		Reservation attempt = throttle.reserve(List.of(new Subject(ThrottleRule.LOGIN_EMAIL, member.email())));
		if (!attempt.allowed()) {
			return Outcome.THROTTLED;
		}
		if (!passwords.matches(password, member.passwordHash())) {
			return Outcome.WRONG_CONFIRMATION;
		}
		throttle.succeeded(attempt);
		return Outcome.DONE;
	}

	private static Outcome confirmEmail(Member member, @Nullable String typed) {
		return typed != null && typed.strip().equalsIgnoreCase(member.email()) ? Outcome.DONE
				: Outcome.WRONG_CONFIRMATION;
	}

}
