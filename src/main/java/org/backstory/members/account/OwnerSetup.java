package org.backstory.members.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.backstory.members.MemberRole;
import org.backstory.members.NewAccount;
import org.backstory.members.account.TokenCheck.State;
import org.backstory.shared.StaffActions;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating the first owner, as Ghost's setup page does. While the publication has no
 * owner, each start either creates the owner's account for {@code BACKSTORY_OWNER_EMAIL}
 * and mails it a link to choose a password, or issues a setup link for the log: whoever
 * holds it (the operator, who reads the server's log) chooses the owner's name, address
 * and password, once. Once there is an owner, no setup link works.
 */
@Service
public class OwnerSetup {

	/** How long a setup link and a mailed set-password link work. */
	static final Duration LINK_LIFETIME = Duration.ofHours(24);

	/** Where the setup link leads. */
	public static final String PATH = "/setup";

	private static final Logger log = LoggerFactory.getLogger(OwnerSetup.class);

	private final MemberRepository members;

	private final Registration registration;

	private final OwnerSetupLinks links;

	private final OneTimeTokens tokens;

	private final MemberMails mails;

	private final StaffActions audit;

	private final SetupProperties setup;

	private final PasswordPolicy passwordPolicy;

	private final Clock clock;

	OwnerSetup(MemberRepository members, Registration registration, OwnerSetupLinks links, OneTimeTokens tokens,
			MemberMails mails, StaffActions audit, SetupProperties setup, PasswordPolicy passwordPolicy, Clock clock) {
		this.members = members;
		this.registration = registration;
		this.links = links;
		this.tokens = tokens;
		this.mails = mails;
		this.audit = audit;
		this.setup = setup;
		this.passwordPolicy = passwordPolicy;
		this.clock = clock;
	}

	/**
	 * What a start does about the owner. With an owner, nothing, except that an owner
	 * made from {@code BACKSTORY_OWNER_EMAIL} who has not used a link yet gets a new
	 * set-password link when theirs has expired (one live link at a time, so restarts do
	 * not fill their inbox). Without one, it creates the owner from
	 * {@code BACKSTORY_OWNER_EMAIL} when that names a new address, or else issues a setup
	 * link.
	 * @return the token of the setup link to print, when one was issued
	 */
	@Transactional
	public Optional<String> atStart() {
		links.lock();
		Optional<String> wanted = setup.owner();
		if (members.ownerExists()) {
			wanted.flatMap(members::findByEmail).ifPresent(this::remindOwner);
			return Optional.empty();
		}
		if (wanted.isPresent()) {
			Optional<String> problem = EmailAddresses.problem(wanted.get())
				.or(() -> members.findByEmail(wanted.get()).map(member -> "it belongs to a member account already"));
			if (problem.isEmpty()) {
				createOwner(wanted.get());
				return Optional.empty();
			}
			log.warn("BACKSTORY_OWNER_EMAIL cannot be used ({}), so a setup link is printed instead", problem.get());
		}
		Instant now = clock.instant();
		return Optional.of(links.issue(now, now.plus(LINK_LIFETIME)));
	}

	/**
	 * What a setup link is: valid, expired, unknown, or used (every link, once there is
	 * an owner).
	 */
	public State check(@Nullable String token) {
		if (members.ownerExists()) {
			return State.USED;
		}
		return OneTimeTokens.wellFormed(token) ? links.check(token, clock.instant()) : State.UNKNOWN;
	}

	/**
	 * Creates the owner with a valid setup link, using it up; the address counts as
	 * verified (see docs/modules/members.md: only the operator holds the link).
	 * @return the owner, empty when the link no longer works or there is an owner already
	 * @throws StaffChangeRefused (invalid) when the name, address or password breaks the
	 * rules, or the address belongs to an account already
	 */
	@Transactional
	public Optional<Member> complete(@Nullable String token, String name, String email, String password) {
		String displayName = MemberNames.normalize(name);
		String address = EmailAddresses.normalize(email);
		MemberNames.problem(displayName)
			.or(() -> EmailAddresses.problem(address))
			.or(() -> passwordPolicy.problem(password, address))
			.ifPresent(problem -> {
				throw new StaffChangeRefused(StaffChangeRefused.Reason.INVALID, problem);
			});
		links.lock();
		if (!OneTimeTokens.wellFormed(token) || members.ownerExists()) {
			return Optional.empty();
		}
		if (members.findByEmail(address).isPresent()) {
			throw taken();
		}
		if (!links.consume(token, clock.instant())) {
			return Optional.empty();
		}
		Member owner;
		try {
			owner = registration.create(new NewAccount(address, displayName, password, MemberRole.OWNER, true));
		}
		catch (EmailTakenException ex) {
			throw taken();
		}
		links.deleteAll();
		audit.record(owner.id(), "staff.owner-created", StaffRoster.subject(owner), "with the setup link");
		mails.ownerWelcome(owner);
		log.info("Owner created with the setup link memberId={}", owner.id());
		return Optional.of(owner);
	}

	private void createOwner(String email) {
		Member owner = registration.create(new NewAccount(email, "Owner", null, MemberRole.OWNER, false));
		links.deleteAll();
		audit.record(owner.id(), "staff.owner-created", StaffRoster.subject(owner), "from BACKSTORY_OWNER_EMAIL");
		mailPasswordLink(owner);
		log.info("No owner yet: created the owner account from BACKSTORY_OWNER_EMAIL and mailed it a link to choose "
				+ "a password memberId={}", owner.id());
	}

	private void remindOwner(Member member) {
		boolean neverSignedIn = member.role() == MemberRole.OWNER && !member.hasPassword() && !member.emailVerified();
		if (neverSignedIn && !tokens.hasLive(member.id(), TokenPurpose.PASSWORD_RESET)) {
			mailPasswordLink(member);
			log.info("The owner has not chosen a password yet: mailed a new link memberId={}", member.id());
		}
	}

	/**
	 * A password-reset link that lives a day rather than an hour: the operator may read
	 * it later.
	 */
	private void mailPasswordLink(Member owner) {
		mails.ownerPassword(owner, tokens.issue(owner.id(), TokenPurpose.PASSWORD_RESET, LINK_LIFETIME));
	}

	private static StaffChangeRefused taken() {
		return new StaffChangeRefused(StaffChangeRefused.Reason.INVALID,
				"This address belongs to a member account already: choose another address for the owner.");
	}

}
