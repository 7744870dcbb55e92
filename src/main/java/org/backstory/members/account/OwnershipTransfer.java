package org.backstory.members.account;

import org.backstory.members.MemberRole;
import org.backstory.members.account.AccountSettings.Outcome;
import org.backstory.shared.StaffActions;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The owner handing the publication to another staff member, confirmed with the owner's
 * password (or, for a link-only owner, their address typed out). The new owner must have
 * a verified address, since the owner's mail (payments, sign-in links) goes there; the
 * previous owner becomes an administrator. Both role changes relabel the sessions
 * ({@link RoleChanged}) and the transfer is audited, all in one transaction.
 */
@Service
public class OwnershipTransfer {

	private static final Logger log = LoggerFactory.getLogger(OwnershipTransfer.class);

	private final MemberRepository members;

	private final StaffRoster roster;

	private final AccountSettings settings;

	private final MemberMails mails;

	private final StaffActions audit;

	OwnershipTransfer(MemberRepository members, StaffRoster roster, AccountSettings settings, MemberMails mails,
			StaffActions audit) {
		this.members = members;
		this.roster = roster;
		this.settings = settings;
		this.mails = mails;
		this.audit = audit;
	}

	/**
	 * Makes {@code memberId} the owner and {@code ownerId} an administrator, if the
	 * confirmation is right.
	 * @return done, or why not: a wrong confirmation (counted as a failed sign-in), or
	 * too many of them
	 * @throws StaffChangeRefused forbidden when {@code ownerId} is not the owner; not
	 * found when {@code memberId} is not another staff member; invalid when their address
	 * is not verified
	 */
	@Transactional
	public Outcome transfer(long ownerId, long memberId, @Nullable String confirmation) {
		// The owner's row stays locked to the end, so two transfers at once cannot make
		// two owners.
		Member owner = members.lockById(ownerId)
			.filter(found -> found.role() == MemberRole.OWNER)
			.orElseThrow(() -> new StaffChangeRefused(StaffChangeRefused.Reason.FORBIDDEN,
					"Only the owner can hand over the publication."));
		Member next = members.lockById(memberId)
			.filter(found -> found.id() != ownerId && found.role().staff() && found.role() != MemberRole.OWNER)
			.orElseThrow(() -> new StaffChangeRefused(StaffChangeRefused.Reason.NOT_FOUND, "No such staff member."));
		if (!next.emailVerified()) {
			throw new StaffChangeRefused(StaffChangeRefused.Reason.INVALID,
					next.name() + " has not verified their email address yet: the owner's mail must reach them first.");
		}
		// Not an exception: a wrong confirmation must commit its count towards the
		// sign-in throttle.
		Outcome confirmed = settings.confirm(owner, confirmation);
		if (confirmed != Outcome.DONE) {
			return confirmed;
		}
		roster.apply(next, MemberRole.OWNER);
		roster.apply(owner, MemberRole.ADMINISTRATOR);
		audit.record(ownerId, "staff.ownership-transferred", StaffRoster.subject(next),
				"from member " + ownerId + ", now ADMINISTRATOR");
		mails.ownershipReceived(next, owner);
		log.info("Ownership transferred from memberId={} to memberId={}", ownerId, memberId);
		return Outcome.DONE;
	}

}
