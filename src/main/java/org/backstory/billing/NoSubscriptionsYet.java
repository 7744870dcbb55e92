package org.backstory.billing;

import org.springframework.stereotype.Component;

/** Placeholder until the billing branch lands its subscription-backed implementation; removed at merge. */
@Component
class NoSubscriptionsYet implements Entitlements {

	@Override
	public Entitlement of(long memberId) {
		return Entitlement.none();
	}

}
