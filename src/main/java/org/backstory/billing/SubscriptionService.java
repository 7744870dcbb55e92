package org.backstory.billing;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.backstory.billing.card.CardRepository;
import org.backstory.billing.ledger.SubscriptionEventLog;
import org.backstory.billing.payment.PaymentGateway;
import org.backstory.billing.subscription.NewSubscription;
import org.backstory.billing.subscription.Subscription;
import org.backstory.billing.subscription.SubscriptionChanges;
import org.backstory.billing.subscription.SubscriptionRepository;
import org.backstory.shared.StaffActions;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Members' subscriptions: what a member has, and the ways staff and the demo seeder
 * create one without a checkout (importing from another platform, granting free access).
 */
@Service
public class SubscriptionService {

	private static final Logger log = LoggerFactory.getLogger(SubscriptionService.class);

	private final SubscriptionRepository subscriptions;

	private final PlanCatalog plans;

	private final CardRepository cards;

	private final SubscriptionEventLog events;

	private final SubscriptionChanges changes;

	private final PaymentGateway gateway;

	private final StaffActions audit;

	private final Clock clock;

	SubscriptionService(SubscriptionRepository subscriptions, PlanCatalog plans, CardRepository cards,
			SubscriptionEventLog events, SubscriptionChanges changes, PaymentGateway gateway, StaffActions audit,
			Clock clock) {
		this.subscriptions = subscriptions;
		this.plans = plans;
		this.cards = cards;
		this.events = events;
		this.changes = changes;
		this.gateway = gateway;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The member's subscription: the live one, else the one that ended last; empty for a
	 * member who never finished a checkout.
	 */
	public Optional<SubscriptionSummary> currentSubscription(long memberId) {
		return subscriptions.current(memberId).map(Subscription::summary);
	}

	/**
	 * Whether the member has a subscription that is not over: active, trialing, past due,
	 * canceled but paid up, or comped. Such a member cannot start another one.
	 */
	public boolean isSubscribed(long memberId) {
		return subscriptions.isSubscribed(memberId);
	}

	/**
	 * Brings over a subscription from another platform, with its card. Importing the same
	 * live subscription again (same plan, interval and status) returns it unchanged, so
	 * seeding can run twice.
	 * @return the subscription's id
	 * @throws IllegalArgumentException when no plan has the given code
	 * @throws IllegalStateException when the member already has a different live
	 * subscription
	 */
	@Transactional
	public long importSubscription(ImportedSubscription imported) {
		PlanCatalog.StoredPlan plan = plans.find(imported.planCode())
			.orElseThrow(() -> new IllegalArgumentException("no plan with code '" + imported.planCode() + "'"));
		Instant now = clock.instant();
		changes.expireAbandonedCheckout(imported.memberId(), now);
		Optional<Long> created = subscriptions.insertUnlessLive(NewSubscription.imported(imported, plan), now);
		if (created.isEmpty()) {
			Subscription live = subscriptions.lockLive(imported.memberId()).orElseThrow();
			if (live.comped() || !Long.valueOf(plan.id()).equals(live.planId())
					|| live.interval() != imported.interval() || live.status() != imported.status()) {
				throw new IllegalStateException(
						"member " + imported.memberId() + " already has a " + live.status().code() + " subscription");
			}
			return live.id();
		}
		events.record(created.get(), null, SubscriptionEventLog.Cause.IMPORTED, SubscriptionEventLog.Actor.SYSTEM, now);
		if (imported.card() != null) {
			cards.save(imported.memberId(), gateway.name(), imported.card(), now);
		}
		log.info("Subscription imported subscriptionId={} memberId={} status={}", created.get(), imported.memberId(),
				imported.status().code());
		return created.get();
	}

	/**
	 * Gives a member free access to a tier, until a date or without end. Granting again
	 * changes the tier and end of the member's comp.
	 * @param until when the access ends, or null for no end
	 * @return the comp subscription's id
	 * @throws IllegalArgumentException when no plan offers the tier, or {@code until} is
	 * not in the future
	 * @throws IllegalStateException when the member has a paid subscription
	 */
	@Transactional
	public long grantComp(long memberId, String tier, @Nullable Instant until) {
		return grantComp(SubscriptionEventLog.Actor.SYSTEM, memberId, tier, until);
	}

	/**
	 * Gives a member free access on a staff member's say; the event log names who did it.
	 *
	 * @see #grantComp(long, String, Instant)
	 */
	@Transactional
	public long grantCompByStaff(long staffId, long memberId, String tier, @Nullable Instant until) {
		long subscriptionId = grantComp(SubscriptionEventLog.Actor.staff(staffId), memberId, tier, until);
		audit.record(staffId, "member.comped", "member " + memberId, "tier " + tier
				+ (until == null ? ", without end" : ", ends " + until) + " (subscription " + subscriptionId + ")");
		return subscriptionId;
	}

	/**
	 * Marks a comp as standing in for a subscription the member paid for on another
	 * platform (an import): {@link MemberBillingQueries#cardNeeded()} lists it while it
	 * lasts, so the owner can ask the member to put a card on file here before it ends.
	 * @param from the platform, e.g. {@code substack} (at most 40 characters)
	 * @throws IllegalArgumentException when the subscription is not a comp
	 */
	@Transactional
	public void flagCardNeeded(long subscriptionId, String from) {
		if (!subscriptions.flagCardNeeded(subscriptionId, from)) {
			throw new IllegalArgumentException("subscription " + subscriptionId + " is not a comp");
		}
	}

	private long grantComp(SubscriptionEventLog.Actor actor, long memberId, String tier, @Nullable Instant until) {
		Instant now = clock.instant();
		if (!plans.offersTier(tier)) {
			throw new IllegalArgumentException("no plan offers the tier '" + tier + "'");
		}
		if (until != null && !until.isAfter(now)) {
			throw new IllegalArgumentException("a comp must end in the future");
		}
		changes.expireAbandonedCheckout(memberId, now);
		Optional<Long> created = subscriptions.insertUnlessLive(NewSubscription.comp(memberId, tier, now, until), now);
		if (created.isPresent()) {
			events.record(created.get(), null, SubscriptionEventLog.Cause.COMP_GRANTED, actor, now);
			log.info("Comp granted subscriptionId={} memberId={} tier={}", created.get(), memberId, tier);
			return created.get();
		}
		Subscription live = subscriptions.lockLive(memberId).orElseThrow();
		if (!live.comped()) {
			throw new IllegalStateException("member " + memberId + " has a " + live.status().code()
					+ " paid subscription; a comp cannot replace it");
		}
		SubscriptionStatus before = live.status();
		subscriptions.changeComp(live.id(), tier, until, now);
		events.record(live.id(), before, SubscriptionEventLog.Cause.COMP_CHANGED, actor, now);
		log.info("Comp changed subscriptionId={} memberId={} tier={}", live.id(), memberId, tier);
		return live.id();
	}

}
