package org.backstory.billing;

import org.springframework.stereotype.Component;

/** Answers the access module from the member's current subscription, remembered briefly (see {@link EntitlementCache}). */
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

}
