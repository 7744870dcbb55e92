package org.backstory.billing.gift;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.backstory.billing.payment.LinkToken;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.SubscriptionStatus;
import org.backstory.billing.ledger.SubscriptionEventLog;
import org.backstory.billing.subscription.NewSubscription;
import org.backstory.billing.subscription.SubscriptionChanges;
import org.backstory.billing.subscription.SubscriptionRepository;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Redeeming a gift: marking it redeemed and starting its subscription, in one
 * transaction.
 */
@Component
class GiftRedeemer {

	private static final Logger log = LoggerFactory.getLogger(GiftRedeemer.class);

	private final GiftRepository gifts;

	private final PlanCatalog plans;

	private final SubscriptionRepository subscriptions;

	private final SubscriptionChanges subscriptionChanges;

	private final SubscriptionEventLog events;

	private final Clock clock;

	GiftRedeemer(GiftRepository gifts, PlanCatalog plans, SubscriptionRepository subscriptions,
			SubscriptionChanges subscriptionChanges, SubscriptionEventLog events, Clock clock) {
		this.gifts = gifts;
		this.plans = plans;
		this.subscriptions = subscriptions;
		this.subscriptionChanges = subscriptionChanges;
		this.events = events;
		this.clock = clock;
	}

	/** See {@link GiftService#redeem}. */
	@Transactional
	GiftRedemption redeem(@Nullable String token, long memberId) {
		if (!LinkToken.wellFormed(token)) {
			return new GiftRedemption.Unknown();
		}
		Gift gift = gifts.findByToken(LinkToken.hash(token)).orElse(null);
		if (gift == null) {
			return new GiftRedemption.Unknown();
		}
		if (gift.status() == Gift.Status.REDEEMED) {
			return new GiftRedemption.AlreadyRedeemed();
		}
		Instant now = clock.instant();
		if (subscriptions.lockLive(memberId).filter(s -> s.status() != SubscriptionStatus.INCOMPLETE).isPresent()) {
			return new GiftRedemption.AlreadySubscribed();
		}
		if (!gifts.redeem(gift.id(), memberId, now)) {
			return new GiftRedemption.AlreadyRedeemed();
		}
		subscriptionChanges.expireAbandonedCheckout(memberId, now);
		Instant end = now.atZone(ZoneOffset.UTC).plusMonths(gift.months()).toInstant();
		PlanCatalog.StoredPlan plan = plans.find(gift.planCode()).orElseThrow();
		Long subscriptionId = subscriptions.insertUnlessLive(NewSubscription.gift(memberId, plan, now, end), now)
			.orElse(null);
		if (subscriptionId == null) {
			// The member's unfinished checkout has a payment under way: it may yet start
			// a subscription.
			TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
			return new GiftRedemption.AlreadySubscribed();
		}
		subscriptions.markGift(subscriptionId, gift.id(), now);
		gifts.linkSubscription(gift.id(), subscriptionId);
		events.record(subscriptionId, null, SubscriptionEventLog.Cause.GIFT_REDEEMED,
				SubscriptionEventLog.Actor.member(memberId), now);
		log.info("Gift redeemed giftId={} subscriptionId={} memberId={}", gift.id(), subscriptionId, memberId);
		return new GiftRedemption.Redeemed(subscriptionId, end);
	}

}
