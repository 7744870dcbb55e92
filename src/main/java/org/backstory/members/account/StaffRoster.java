package org.backstory.members.account;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.backstory.members.MemberRole;
import org.backstory.shared.StaffActions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff list and the owner's changes to it: giving a staff member another role, or
 * taking them off the staff (back to member). The owner's own role never changes here,
 * and no one is made owner. Each change is audited and reaches the member's sessions
 * ({@link RoleChanged}) in its transaction.
 */
@Service
public class StaffRoster {

	private static final Logger log = LoggerFactory.getLogger(StaffRoster.class);

	private final MemberRepository members;

	private final ApplicationEventPublisher events;

	private final StaffActions audit;

	private final Clock clock;

	StaffRoster(MemberRepository members, ApplicationEventPublisher events, StaffActions audit, Clock clock) {
		this.members = members;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
	}

	/** The roles the owner may give: every staff role below the owner. */
	public static List<MemberRole> assignableRoles() {
		return List.of(MemberRole.CONTRIBUTOR, MemberRole.AUTHOR, MemberRole.EDITOR, MemberRole.ADMINISTRATOR);
	}

	/** Everyone on the staff, highest role first, then by name. */
	public List<StaffMember> staff() {
		return members.staff()
			.stream()
			.sorted(Comparator.comparing(StaffMember::role)
				.reversed()
				.thenComparing(staff -> staff.name().toLowerCase(Locale.ROOT))
				.thenComparing(StaffMember::id))
			.toList();
	}

	/**
	 * Gives a staff member another staff role.
	 * @throws StaffChangeRefused when there is no such staff member, they are the owner,
	 * or the role is not one the owner may give
	 */
	@Transactional
	public void changeRole(long ownerId, long memberId, MemberRole role) {
		if (!assignableRoles().contains(role)) {
			throw new StaffChangeRefused(StaffChangeRefused.Reason.INVALID,
					"Choose contributor, author, editor or administrator.");
		}
		Member member = changeable(memberId);
		if (member.role() == role) {
			return;
		}
		apply(member, role);
		audit.record(ownerId, "staff.role-changed", subject(member), member.role().name() + " → " + role.name());
	}

	/**
	 * Takes a staff member off the staff: they keep their account as a member.
	 * @throws StaffChangeRefused when there is no such staff member or they are the owner
	 */
	@Transactional
	public void remove(long ownerId, long memberId) {
		Member member = changeable(memberId);
		apply(member, MemberRole.MEMBER);
		audit.record(ownerId, "staff.removed", subject(member), "was " + member.role().name());
	}

	/**
	 * Gives the member the role, starting or ending their staff time; their sessions
	 * follow ({@link RoleChanged}).
	 */
	void apply(Member member, MemberRole role) {
		members.changeRole(member.id(), role, clock.instant());
		events.publishEvent(new RoleChanged(member.id(), member.role(), role));
		log.info("Role changed memberId={} from={} to={}", member.id(), member.role(), role);
	}

	static String subject(Member member) {
		return "member " + member.id() + " " + member.name() + " <" + member.email() + ">";
	}

	private Member changeable(long memberId) {
		Member member = members.findById(memberId)
			.filter(found -> found.role().staff())
			.orElseThrow(() -> new StaffChangeRefused(StaffChangeRefused.Reason.NOT_FOUND, "No such staff member."));
		if (member.role() == MemberRole.OWNER) {
			throw new StaffChangeRefused(StaffChangeRefused.Reason.FORBIDDEN, "The owner's role cannot be changed.");
		}
		return member;
	}

}
