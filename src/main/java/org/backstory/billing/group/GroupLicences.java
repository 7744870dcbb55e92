package org.backstory.billing.group;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.backstory.billing.BillingInterval;
import org.backstory.billing.GroupTerms;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.payment.LinkToken;
import org.backstory.billing.renewal.SeatCharges;
import org.backstory.billing.subscription.Subscription;
import org.backstory.billing.subscription.SubscriptionRepository;
import org.backstory.members.AddressVerified;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Group licences: a manager's group subscription (a subscription with seats) and the
 * readers who hold its seats. The manager holds one seat through the subscription itself;
 * the others are given by an emailed invitation, or taken by anyone who proves an address
 * at one of the group's email domains or opens the group's invite link
 * ({@link GroupLinks}), while seats last. An open invitation holds a seat until it is
 * accepted, withdrawn or expires (30 days), which lets a swap hand a reader's seat
 * straight to an invitation. Every change locks the group's subscription row
 * ({@link RunningGroups}), so two joins never take the last seat twice.
 */
@Service
public class GroupLicences {

	static final Duration INVITE_VALIDITY = Duration.ofDays(30);

	private static final Logger log = LoggerFactory.getLogger(GroupLicences.class);

	private final SubscriptionRepository subscriptions;

	private final RunningGroups running;

	private final SeatRepository seats;

	private final GroupInviteRepository invites;

	private final PlanCatalog plans;

	private final MemberDirectory members;

	private final GroupMails mails;

	private final SeatCharges seatCharges;

	private final GroupLinks links;

	private final Clock clock;

	GroupLicences(SubscriptionRepository subscriptions, RunningGroups running, SeatRepository seats,
			GroupInviteRepository invites, PlanCatalog plans, MemberDirectory members, GroupMails mails,
			SeatCharges seatCharges, GroupLinks links, Clock clock) {
		this.subscriptions = subscriptions;
		this.running = running;
		this.seats = seats;
		this.invites = invites;
		this.plans = plans;
		this.members = members;
		this.mails = mails;
		this.seatCharges = seatCharges;
		this.links = links;
		this.clock = clock;
	}

	/**
	 * The group the member manages, if their subscription is a group's and has not ended.
	 */
	public Optional<GroupView> managed(long managerId) {
		return subscriptions.current(managerId).filter(RunningGroups::isGroup).map(this::view);
	}

	/** The group whose seat the member holds, and who manages it. */
	public Optional<SeatHolding> seatOf(long memberId) {
		return seats.subscriptionOfSeat(memberId)
			.flatMap(id -> subscriptions.withIds(List.of(id)).stream().findFirst())
			.flatMap(group -> members.profile(group.memberId())
				.map(manager -> new SeatHolding(String.valueOf(group.planName()), manager.name(), manager.email())));
	}

	/** Invites {@code email} to a seat, mailing them a link. */
	@Transactional
	public GroupChange invite(long managerId, String email) {
		Subscription group = running.lockManaged(managerId).orElse(null);
		if (group == null) {
			return GroupChange.ENDED;
		}
		Instant now = clock.instant();
		if (isMember(group, email)) {
			return GroupChange.ALREADY_MEMBER;
		}
		if (running.full(group, now)) {
			return GroupChange.NO_SEATS_LEFT;
		}
		return sendInvitation(group, email, now);
	}

	/**
	 * Swaps a reader for another address in one step: the reader loses their seat (and
	 * access) at once, and the invitation to {@code email} holds that seat from the same
	 * transaction on, so nobody joining by domain or link in between can take it. Nothing
	 * changes when the address can't be invited.
	 */
	@Transactional
	public GroupChange swap(long managerId, long readerId, String email) {
		Subscription group = running.lockManaged(managerId).orElse(null);
		if (group == null) {
			return GroupChange.ENDED;
		}
		if (seats.subscriptionOfSeat(readerId).filter(id -> id == group.id()).isEmpty()) {
			return GroupChange.NOT_FOUND;
		}
		if (isMember(group, email)) {
			return GroupChange.ALREADY_MEMBER;
		}
		GroupChange invited = sendInvitation(group, email, clock.instant());
		if (invited == GroupChange.DONE) {
			seats.unseat(group.id(), readerId);
			log.info("Group seat swapped subscriptionId={} memberId={}", group.id(), readerId);
		}
		return invited;
	}

	/** Whether the address is the manager's or a reader's of the group. */
	private boolean isMember(Subscription group, String email) {
		Optional<MemberProfile> invitee = members.findByEmail(email);
		return invitee.isPresent() && (invitee.get().id() == group.memberId()
				|| seats.subscriptionOfSeat(invitee.get().id()).filter(id -> id == group.id()).isPresent());
	}

	/** Records an invitation (holding a seat) and mails its link. */
	private GroupChange sendInvitation(Subscription group, String email, Instant now) {
		String token = LinkToken.generate();
		if (!invites.insert(group.id(), email, LinkToken.hash(token), now, now.plus(INVITE_VALIDITY))) {
			return GroupChange.ALREADY_INVITED;
		}
		String managerName = members.profile(group.memberId()).map(MemberProfile::name).orElse("Your group's manager");
		mails.invite(email, managerName, String.valueOf(group.planName()), token);
		log.info("Group invitation sent subscriptionId={}", group.id());
		return GroupChange.DONE;
	}

	/** The plan name of the group an open invitation is for. */
	public Optional<String> invitation(String token) {
		if (!LinkToken.wellFormed(token)) {
			return Optional.empty();
		}
		return invites.openByToken(LinkToken.hash(token), clock.instant())
			.flatMap(invite -> subscriptions.withIds(List.of(invite.subscriptionId())).stream().findFirst())
			.map(s -> String.valueOf(s.planName()));
	}

	/** Gives the member the seat the invitation holds, using the invitation up. */
	@Transactional
	public InviteAcceptance accept(String token, long memberId) {
		if (!LinkToken.wellFormed(token)) {
			return InviteAcceptance.UNKNOWN;
		}
		Instant now = clock.instant();
		GroupInviteRepository.Invite invite = invites.openByToken(LinkToken.hash(token), now).orElse(null);
		if (invite == null) {
			return InviteAcceptance.UNKNOWN;
		}
		Subscription group = subscriptions.lock(invite.subscriptionId());
		if (!RunningGroups.RUNNING.contains(group.status())) {
			return InviteAcceptance.ENDED;
		}
		if (group.memberId() == memberId || seats.subscriptionOfSeat(memberId).isPresent()) {
			return InviteAcceptance.ALREADY_IN_A_GROUP;
		}
		if (!invites.accept(invite.id(), now) || !seats.seat(group.id(), memberId, "invite", now)) {
			return InviteAcceptance.UNKNOWN;
		}
		log.info("Group seat taken by invitation subscriptionId={} memberId={}", group.id(), memberId);
		return InviteAcceptance.JOINED;
	}

	/** Takes a reader's seat away; they lose access at once, and keep their account. */
	@Transactional
	public GroupChange removeReader(long managerId, long memberId) {
		Subscription group = running.lockManaged(managerId).orElse(null);
		if (group == null) {
			return GroupChange.ENDED;
		}
		if (!seats.unseat(group.id(), memberId)) {
			return GroupChange.NOT_FOUND;
		}
		log.info("Group seat taken away subscriptionId={} memberId={}", group.id(), memberId);
		return GroupChange.DONE;
	}

	/** Withdraws an open invitation, freeing its seat. */
	@Transactional
	public GroupChange withdrawInvite(long managerId, long inviteId) {
		Subscription group = running.lockManaged(managerId).orElse(null);
		if (group == null) {
			return GroupChange.ENDED;
		}
		return invites.revoke(group.id(), inviteId, clock.instant()) ? GroupChange.DONE : GroupChange.NOT_FOUND;
	}

	/**
	 * Lets anyone who proves an address at {@code domain} (lower-case, checked by the
	 * caller) take a seat while seats last.
	 */
	@Transactional
	public GroupChange addDomain(long managerId, String domain) {
		Subscription group = running.lockManaged(managerId).orElse(null);
		if (group == null) {
			return GroupChange.ENDED;
		}
		return seats.addDomain(group.id(), domain, clock.instant()) ? GroupChange.DONE : GroupChange.DOMAIN_TAKEN;
	}

	@Transactional
	public GroupChange removeDomain(long managerId, String domain) {
		Subscription group = running.lockManaged(managerId).orElse(null);
		if (group == null) {
			return GroupChange.ENDED;
		}
		return seats.removeDomain(group.id(), domain) ? GroupChange.DONE : GroupChange.NOT_FOUND;
	}

	/**
	 * A reader proved an address: if a running group has its domain and a free seat, the
	 * reader takes it (in the proving transaction). A reader who holds a seat already, or
	 * manages the group, is left as they are; a full group takes nobody.
	 */
	@EventListener
	void onAddressVerified(AddressVerified verified) {
		String email = verified.email();
		String domain = email.substring(email.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
		seats.groupOfDomain(domain).ifPresent(groupId -> {
			Subscription group = subscriptions.lock(groupId);
			Instant now = clock.instant();
			if (!RunningGroups.RUNNING.contains(group.status()) || group.memberId() == verified.memberId()) {
				return;
			}
			if (running.full(group, now)) {
				log.info("Group full: no seat for a verified address subscriptionId={} memberId={}", groupId,
						verified.memberId());
				return;
			}
			if (seats.seat(groupId, verified.memberId(), "domain", now)) {
				log.info("Group seat taken by domain subscriptionId={} memberId={}", groupId, verified.memberId());
			}
		});
	}

	/**
	 * Gives back the seat a forgotten member held; the groups they managed end with their
	 * subscriptions.
	 */
	public void forgetMember(long memberId) {
		seats.unseatEverywhere(memberId);
	}

	private GroupView view(Subscription group) {
		Instant now = clock.instant();
		List<SeatRepository.Seat> held = seats.seatsOf(group.id());
		Map<Long, MemberProfile> profiles = members.profiles(held.stream().map(SeatRepository.Seat::memberId).toList());
		List<GroupView.Reader> readers = held.stream().map(seat -> {
			MemberProfile profile = profiles.get(seat.memberId());
			return new GroupView.Reader(seat.memberId(), profile == null ? "" : profile.email(),
					profile == null ? "" : profile.name(), seat.joinedBy(), seat.joinedAt());
		}).toList();
		List<GroupView.PendingInvite> pending = invites.openOf(group.id(), now)
			.stream()
			.map(invite -> new GroupView.PendingInvite(invite.id(), invite.email(), invite.expiresAt()))
			.toList();
		GroupTerms terms = group.planCode() == null ? null
				: plans.find(group.planCode()).map(PlanCatalog.StoredPlan::group).orElse(null);
		BillingInterval interval = Objects.requireNonNull(group.interval());
		return new GroupView(group.id(), String.valueOf(group.planName()), group.status(),
				RunningGroups.seatCount(group), terms == null ? RunningGroups.seatCount(group) : terms.includedSeats(),
				1 + readers.size() + pending.size(), group.price() == null ? 0 : group.price(),
				String.valueOf(group.currency()), interval.code(), group.currentPeriodEnd(),
				terms == null ? 0 : terms.seatPrice(interval), readers, pending, seats.domainsOf(group.id()),
				seatCharges.pendingAmount(group.id()), links.tokenOf(group.id()).orElse(null));
	}

}
