package org.backstory.members.account;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.backstory.members.MemberRole;
import org.backstory.members.NewAccount;
import org.backstory.shared.StaffActions;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inviting people to the staff. The owner invites an address with a role; the mailed link
 * works once, within 7 days, unless the owner revokes it or invites the address again.
 * Whoever opens it either creates an account (name and password; the address counts as
 * verified, since the link reached it) or, when the address has an account, accepts while
 * signed in to it. Sending, revoking and accepting are audited.
 */
@Service
public class StaffInvites {

	private static final Logger log = LoggerFactory.getLogger(StaffInvites.class);

	private final InviteRepository invites;

	private final MemberRepository members;

	private final Registration registration;

	private final StaffRoster roster;

	private final MemberMails mails;

	private final AddressProofs proofs;

	private final StaffActions audit;

	private final PasswordPolicy passwordPolicy;

	private final Clock clock;

	StaffInvites(InviteRepository invites, MemberRepository members, Registration registration, StaffRoster roster,
			MemberMails mails, AddressProofs proofs, StaffActions audit, PasswordPolicy passwordPolicy, Clock clock) {
		this.invites = invites;
		this.members = members;
		this.registration = registration;
		this.roster = roster;
		this.mails = mails;
		this.proofs = proofs;
		this.audit = audit;
		this.passwordPolicy = passwordPolicy;
		this.clock = clock;
	}

	/**
	 * Mails an invite to join the staff as {@code role}, replacing any open invite to the
	 * address.
	 * @throws StaffChangeRefused (invalid) when the address is not one, the role cannot
	 * be given, or the address already belongs to a staff member
	 */
	@Transactional
	public StaffInvite invite(long ownerId, String email, MemberRole role) {
		String address = EmailAddresses.normalize(email);
		EmailAddresses.problem(address).ifPresent(problem -> {
			throw new StaffChangeRefused(StaffChangeRefused.Reason.INVALID, problem);
		});
		if (!StaffRoster.assignableRoles().contains(role)) {
			throw new StaffChangeRefused(StaffChangeRefused.Reason.INVALID,
					"Choose contributor, author, editor or administrator.");
		}
		if (members.findByEmail(address).filter(member -> member.role().staff()).isPresent()) {
			throw new StaffChangeRefused(StaffChangeRefused.Reason.INVALID,
					address + " is on the staff already: change their role in the list instead.");
		}
		Instant now = clock.instant();
		invites.revokeOpen(address, now);
		String token = OneTimeTokens.newToken();
		StaffInvite invite = invites.insert(OneTimeTokens.hash(token), address, role, ownerId, now,
				now.plus(TokenPurpose.STAFF_INVITE.lifetime()));
		String inviter = members.findById(ownerId).map(Member::name).orElse("The owner");
		mails.staffInvite(invite, inviter, token);
		audit.record(ownerId, "staff.invited", subject(invite), role.name());
		log.info("Staff invite sent inviteId={} role={}", invite.id(), role);
		return invite;
	}

	/** The invites whose links still work, newest first. */
	public List<StaffInvite> open() {
		return invites.open(clock.instant());
	}

	/**
	 * Revokes an open invite: its link stops working.
	 * @throws StaffChangeRefused (not found) when there is no open invite with this id
	 */
	@Transactional
	public void revoke(long ownerId, long inviteId) {
		StaffInvite invite = invites.revoke(inviteId, clock.instant())
			.orElseThrow(() -> new StaffChangeRefused(StaffChangeRefused.Reason.NOT_FOUND, "No such open invite."));
		audit.record(ownerId, "staff.invite-revoked", subject(invite), invite.role().name());
		log.info("Staff invite revoked inviteId={}", inviteId);
	}

	/** What an invite link is, without using it up. */
	public InviteCheck check(@Nullable String token) {
		if (!OneTimeTokens.wellFormed(token)) {
			return InviteCheck.unknown();
		}
		return invites.findByToken(OneTimeTokens.hash(token))
			.map(invite -> new InviteCheck(invite.state(clock.instant()), invite,
					members.findByEmail(invite.email()).isPresent()))
			.orElse(InviteCheck.unknown());
	}

	/**
	 * Accepts an invite for an address without an account: creates the account with the
	 * invite's role.
	 * @return the new staff member, empty when the link no longer works
	 * @throws StaffChangeRefused (invalid) when the name or password breaks the sign-up
	 * rules, or the address has an account by now (whose owner must sign in to accept)
	 */
	@Transactional
	public Optional<Member> acceptWithNewAccount(@Nullable String token, String name, String password) {
		String displayName = MemberNames.normalize(name);
		MemberNames.problem(displayName).ifPresent(problem -> {
			throw new StaffChangeRefused(StaffChangeRefused.Reason.INVALID, problem);
		});
		return claim(token).map(invite -> {
			// Thrown after the claim, so the transaction's rollback gives the invite
			// back.
			passwordPolicy.problem(password, invite.email()).ifPresent(problem -> {
				throw new StaffChangeRefused(StaffChangeRefused.Reason.INVALID, problem);
			});
			if (members.findByEmail(invite.email()).isPresent()) {
				throw new StaffChangeRefused(StaffChangeRefused.Reason.INVALID,
						"This address has an account: sign in with it to accept the invite.");
			}
			Member member;
			try {
				member = registration
					.create(new NewAccount(invite.email(), displayName, password, invite.role(), true));
			}
			catch (EmailTakenException ex) {
				throw new StaffChangeRefused(StaffChangeRefused.Reason.INVALID,
						"This address has an account: sign in with it to accept the invite.");
			}
			return joined(invite, member);
		});
	}

	/**
	 * Accepts an invite as the signed-in member it was sent to: the link proves their
	 * address ({@link AddressProofs}) and they get the invite's role, which ends their
	 * other sessions ({@link RoleChanged}); the caller signs this one in again with the
	 * new role.
	 * @return the member as now, empty when the link no longer works
	 * @throws StaffChangeRefused (forbidden) when the invite is for another address, or
	 * the member is the owner
	 */
	@Transactional
	public Optional<Member> acceptAsMember(@Nullable String token, long memberId) {
		Member member = members.findById(memberId).orElseThrow();
		return claim(token).map(invite -> {
			if (!invite.email().equalsIgnoreCase(member.email())) {
				throw new StaffChangeRefused(StaffChangeRefused.Reason.FORBIDDEN,
						"This invite is for another address. Sign out, then sign in with " + invite.email() + ".");
			}
			if (member.role() == MemberRole.OWNER) {
				throw new StaffChangeRefused(StaffChangeRefused.Reason.FORBIDDEN,
						"The owner's role cannot be changed.");
			}
			proofs.proven(member.id());
			roster.apply(member, invite.role());
			return joined(invite, members.findById(memberId).orElseThrow());
		});
	}

	private Optional<StaffInvite> claim(@Nullable String token) {
		if (!OneTimeTokens.wellFormed(token)) {
			return Optional.empty();
		}
		return invites.accept(OneTimeTokens.hash(token), clock.instant());
	}

	private Member joined(StaffInvite invite, Member member) {
		invites.acceptedBy(invite.id(), member.id());
		audit.record(member.id(), "staff.joined", StaffRoster.subject(member),
				"accepted invite " + invite.id() + " as " + invite.role().name());
		log.info("Staff invite accepted inviteId={} memberId={} role={}", invite.id(), member.id(), invite.role());
		return member;
	}

	private static String subject(StaffInvite invite) {
		return "invite " + invite.id() + " <" + invite.email() + ">";
	}

}
