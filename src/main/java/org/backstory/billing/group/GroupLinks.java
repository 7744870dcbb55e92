package org.backstory.billing.group;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.backstory.billing.payment.LinkToken;
import org.backstory.billing.subscription.Subscription;
import org.backstory.billing.subscription.SubscriptionRepository;
import org.backstory.shared.SecretSeal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A group's shareable invite link ({@code /group/link/<token>}): the manager makes one,
 * shares it however they like, and anyone who opens it and signs in (or signs up) takes a
 * seat while seats last. Unlike an emailed invitation it holds no seat. The token is
 * random and stored as its SHA-256, and sealed ({@link SecretSeal}, bound to the group)
 * so the manager's page can show it again. Revoking deletes it: the old link then no
 * longer works; a new link is a new token.
 */
@Service
public class GroupLinks {

	private static final Logger log = LoggerFactory.getLogger(GroupLinks.class);

	private final GroupLinkRepository links;

	private final RunningGroups running;

	private final SubscriptionRepository subscriptions;

	private final SeatRepository seats;

	private final SecretSeal seal;

	private final Clock clock;

	GroupLinks(GroupLinkRepository links, RunningGroups running, SubscriptionRepository subscriptions,
			SeatRepository seats, SecretSeal seal, Clock clock) {
		this.links = links;
		this.running = running;
		this.subscriptions = subscriptions;
		this.seats = seats;
		this.seal = seal;
		this.clock = clock;
	}

	/**
	 * The token of the group's link, when it has one the app can still open (a token
	 * sealed under a key the app no longer has is shown as no link: the manager makes a
	 * new one).
	 */
	Optional<String> tokenOf(long subscriptionId) {
		return links.sealedOf(subscriptionId)
			.flatMap(sealed -> seal.open(context(subscriptionId), sealed))
			.map(bytes -> new String(bytes, StandardCharsets.US_ASCII));
	}

	/** Makes a new link for the manager's group, replacing (revoking) the old one. */
	@Transactional
	public GroupChange create(long managerId) {
		Subscription group = running.lockManaged(managerId).orElse(null);
		if (group == null) {
			return GroupChange.ENDED;
		}
		String token = LinkToken.generate();
		links.replace(group.id(), LinkToken.hash(token),
				seal.seal(context(group.id()), token.getBytes(StandardCharsets.US_ASCII)), clock.instant());
		log.info("Group invite link made subscriptionId={}", group.id());
		return GroupChange.DONE;
	}

	/** Revokes the group's link: it no longer works. */
	@Transactional
	public GroupChange revoke(long managerId) {
		Subscription group = running.lockManaged(managerId).orElse(null);
		if (group == null) {
			return GroupChange.ENDED;
		}
		return links.delete(group.id()) ? GroupChange.DONE : GroupChange.NOT_FOUND;
	}

	/** The plan name of the running group the link is for. */
	public Optional<String> groupPlan(String token) {
		return groupOf(token).flatMap(id -> subscriptions.withIds(List.of(id)).stream().findFirst())
			.filter(group -> RunningGroups.RUNNING.contains(group.status()))
			.map(group -> String.valueOf(group.planName()));
	}

	/** Gives the member a seat of the link's group, if one is free. */
	@Transactional
	public InviteAcceptance join(String token, long memberId) {
		Long groupId = groupOf(token).orElse(null);
		if (groupId == null) {
			return InviteAcceptance.UNKNOWN;
		}
		Subscription group = running.lock(groupId);
		if (!RunningGroups.RUNNING.contains(group.status())) {
			return InviteAcceptance.ENDED;
		}
		if (group.memberId() == memberId || seats.subscriptionOfSeat(memberId).isPresent()) {
			return InviteAcceptance.ALREADY_IN_A_GROUP;
		}
		Instant now = clock.instant();
		if (running.full(group, now)) {
			return InviteAcceptance.FULL;
		}
		if (!seats.seat(group.id(), memberId, "link", now)) {
			return InviteAcceptance.ALREADY_IN_A_GROUP;
		}
		log.info("Group seat taken by invite link subscriptionId={} memberId={}", group.id(), memberId);
		return InviteAcceptance.JOINED;
	}

	private Optional<Long> groupOf(String token) {
		return LinkToken.wellFormed(token) ? links.groupOf(LinkToken.hash(token)) : Optional.empty();
	}

	private static String context(long subscriptionId) {
		return "billing.group_link:" + subscriptionId;
	}

}
