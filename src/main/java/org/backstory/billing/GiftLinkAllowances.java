package org.backstory.billing;

import org.backstory.billing.subscription.EntitlementCache;
import org.backstory.billing.subscription.Subscription;
import org.backstory.billing.subscription.SubscriptionRepository;
import org.springframework.stereotype.Service;

/**
 * How many articles a subscriber may gift a calendar month (issue 16 §2): a setting of
 * the plan they subscribe to, which the owner edits with its prices. Whether the member
 * may gift at all is the access policy's decision; this only counts.
 */
@Service
public class GiftLinkAllowances {

	/** A new plan's allowance, and a comp's (a comp has no plan). */
	public static final int DEFAULT = 5;

	/** The most a plan may allow. */
	public static final int MOST = 1000;

	private final SubscriptionRepository subscriptions;

	private final PlanRepository plans;

	private final EntitlementCache cache;

	GiftLinkAllowances(SubscriptionRepository subscriptions, PlanRepository plans, EntitlementCache cache) {
		this.subscriptions = subscriptions;
		this.plans = plans;
		this.cache = cache;
	}

	/**
	 * The monthly gift links of the plan of the member's current subscription;
	 * {@link #DEFAULT} for a comp or a plan no longer in the catalog. Remembered briefly
	 * with the member's entitlement (a subscriber's every gated page asks).
	 */
	public int perMonth(long memberId) {
		return cache.giftLinksPerMonth(memberId,
				id -> subscriptions.current(id)
					.map(Subscription::planCode)
					.flatMap(plans::giftLinksPerMonth)
					.orElse(DEFAULT));
	}

}
