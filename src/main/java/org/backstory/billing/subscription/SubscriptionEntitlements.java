package org.backstory.billing.subscription;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.backstory.billing.Entitlement;
import org.backstory.billing.Entitlements;
import org.springframework.stereotype.Component;

/**
 * Answers the access module from the member's current subscription, remembered briefly
 * (see {@link EntitlementCache}).
 */
@Component
class SubscriptionEntitlements implements Entitlements {

	private final SubscriptionRepository subscriptions;

	private final EntitlementCache cache;

	SubscriptionEntitlements(SubscriptionRepository subscriptions, EntitlementCache cache) {
		this.subscriptions = subscriptions;
		this.cache = cache;
	}

	@Override
	public Entitlement of(long memberId) {
		return cache.get(memberId,
				id -> subscriptions.current(id).map(Subscription::entitlement).orElseGet(Entitlement::none));
	}

	@Override
	public Map<Long, Entitlement> ofAll(Collection<Long> memberIds) {
		Map<Long, Entitlement> entitlements = new HashMap<>();
		memberIds.forEach(id -> entitlements.put(id, Entitlement.none()));
		subscriptions.currentOfAll(memberIds).forEach(s -> entitlements.put(s.memberId(), s.entitlement()));
		return entitlements;
	}

}
