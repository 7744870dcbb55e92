package org.backstory.billing;

import org.springframework.stereotype.Component;

/** Answers the access module from the member's current subscription. */
@Component
class SubscriptionEntitlements implements Entitlements {

	private final SubscriptionRepository subscriptions;

	SubscriptionEntitlements(SubscriptionRepository subscriptions) {
		this.subscriptions = subscriptions;
	}

	@Override
	public Entitlement of(long memberId) {
		return subscriptions.current(memberId).map(Subscription::entitlement).orElseGet(Entitlement::none);
	}

}
