package org.backstory.billing.group;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.backstory.billing.SubscriptionStatus;
import org.backstory.billing.subscription.Subscription;
import org.backstory.billing.subscription.SubscriptionRepository;
import org.springframework.stereotype.Component;

/**
 * What every change to a group starts from: the manager's running group, its row locked
 * (so two changes never take the last seat twice), and how many of its seats are taken.
 */
@Component
class RunningGroups {

	/** The states in which a group's seats can be given. */
	static final Set<SubscriptionStatus> RUNNING = EnumSet.of(SubscriptionStatus.TRIALING, SubscriptionStatus.ACTIVE,
			SubscriptionStatus.PAST_DUE, SubscriptionStatus.CANCELED);

	private final SubscriptionRepository subscriptions;

	private final SeatRepository seats;

	private final GroupInviteRepository invites;

	RunningGroups(SubscriptionRepository subscriptions, SeatRepository seats, GroupInviteRepository invites) {
		this.subscriptions = subscriptions;
		this.seats = seats;
		this.invites = invites;
	}

	/** The group the member manages, locked, if it is running. */
	Optional<Subscription> lockManaged(long managerId) {
		return subscriptions.lockLive(managerId)
			.filter(RunningGroups::isGroup)
			.filter(s -> RUNNING.contains(s.status()));
	}

	/** Locks a group by its id. */
	Subscription lock(long subscriptionId) {
		return subscriptions.lock(subscriptionId);
	}

	/** The manager, the readers, and the open invitations. */
	int used(Subscription group, Instant now) {
		return 1 + seats.seatsOf(group.id()).size() + invites.countOpen(group.id(), now);
	}

	/** Whether every seat is held or invited to. */
	boolean full(Subscription group, Instant now) {
		return used(group, now) >= seatCount(group);
	}

	static int seatCount(Subscription group) {
		return group.seats() == null ? 0 : group.seats();
	}

	static boolean isGroup(Subscription subscription) {
		return subscription.seats() != null && subscription.status() != SubscriptionStatus.EXPIRED;
	}

}
