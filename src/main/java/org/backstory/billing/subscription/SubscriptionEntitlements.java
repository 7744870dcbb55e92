package org.backstory.billing.subscription;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.backstory.billing.Entitlement;
import org.backstory.billing.Entitlements;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Answers the access module from the member's current subscription, or from the group
 * subscription whose seat they hold, remembered briefly (see {@link EntitlementCache}). A
 * subscription of their own that has not ended speaks first; else a seat's group
 * subscription, in whatever state it is (paid, in grace, ended), so a seat holder reads
 * as the group pays.
 */
@Component
class SubscriptionEntitlements implements Entitlements {

	private final SubscriptionRepository subscriptions;

	private final GroupSeats seats;

	private final EntitlementCache cache;

	SubscriptionEntitlements(SubscriptionRepository subscriptions, GroupSeats seats, EntitlementCache cache) {
		this.subscriptions = subscriptions;
		this.seats = seats;
		this.cache = cache;
	}

	@Override
	public Entitlement of(long memberId) {
		return cache.get(memberId, id -> {
			Optional<Subscription> own = subscriptions.current(id);
			Optional<Subscription> seat = seats.subscriptionOfSeat(id)
				.flatMap(group -> subscriptions.withIds(List.of(group)).stream().findFirst());
			return speaking(own.orElse(null), seat.orElse(null));
		});
	}

	@Override
	public Map<Long, Entitlement> ofAll(Collection<Long> memberIds) {
		Map<Long, Subscription> own = subscriptions.currentOfAll(memberIds)
			.stream()
			.collect(Collectors.toMap(Subscription::memberId, Function.identity()));
		Map<Long, Long> seatOf = seats.subscriptionsOfSeats(memberIds);
		Map<Long, Subscription> groups = subscriptions.withIds(seatOf.values())
			.stream()
			.collect(Collectors.toMap(Subscription::id, Function.identity()));
		Map<Long, Entitlement> entitlements = new HashMap<>();
		memberIds.forEach(id -> {
			Long group = seatOf.get(id);
			entitlements.put(id, speaking(own.get(id), group == null ? null : groups.get(group)));
		});
		return entitlements;
	}

	private static Entitlement speaking(@Nullable Subscription own, @Nullable Subscription seat) {
		boolean ownRuns = own != null && own.entitlement().status() != Entitlement.Status.EXPIRED;
		if (ownRuns || seat == null) {
			return own == null ? Entitlement.none() : own.entitlement();
		}
		return seat.entitlement().throughSeat();
	}

}
