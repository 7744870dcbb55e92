package org.backstory.billing.checkout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.backstory.billing.BillingInterval;
import org.backstory.billing.Plan;
import org.backstory.billing.payment.Discount;
import org.backstory.billing.subscription.SubscriptionRepository;
import org.backstory.billing.subscription.SubscriptionTermsRepository;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Free trials and coupons as checkout applies them: who gets a trial (one per member,
 * ever), whether a typed coupon code applies, and redeeming it. A coupon is counted in
 * the transaction that records the pending first charge (or starts the trial), so it can
 * never be redeemed more often than its limit, and given back if that first charge is
 * declined.
 */
@Component
class Offers {

	private static final Logger log = LoggerFactory.getLogger(Offers.class);

	private final SubscriptionRepository subscriptions;

	private final SubscriptionTermsRepository terms;

	private final CouponRepository coupons;

	private final Clock clock;

	Offers(SubscriptionRepository subscriptions, SubscriptionTermsRepository terms, CouponRepository coupons,
			Clock clock) {
		this.subscriptions = subscriptions;
		this.terms = terms;
		this.coupons = coupons;
		this.clock = clock;
	}

	/**
	 * What checking out the plan would cost the member now: the trial they get, and the
	 * coupon's effect.
	 */
	CheckoutQuote quote(long memberId, Plan plan, BillingInterval interval, @Nullable String couponCode) {
		Instant now = clock.instant();
		Instant trialEnd = trialEnd(memberId, plan, now);
		Instant firstPaid = trialEnd == null ? now : trialEnd;
		CouponCheck coupon = check(couponCode, memberId, plan, interval, firstPaid, now);
		return new CheckoutQuote(plan, interval, trialEnd,
				coupon instanceof CouponCheck.Applies applies ? applies.coupon() : null,
				coupon instanceof CouponCheck.Refused refused ? refused.refusal() : null,
				coupon.charge(plan.price(interval), firstPaid).due());
	}

	/**
	 * When the member's free trial of the plan would end if it started now; null for no
	 * trial.
	 */
	@Nullable Instant trialEnd(long memberId, Plan plan, Instant now) {
		if (plan.trialDays() == 0 || subscriptions.hadTrial(memberId)) {
			return null;
		}
		// At the precision the database keeps, so the end reported to the member is the
		// end stored.
		return now.plus(Duration.ofDays(plan.trialDays())).truncatedTo(ChronoUnit.MICROS);
	}

	/**
	 * Whether {@code code} applies to a subscription to the plan whose first charged
	 * period starts at {@code firstPaidPeriodStart}. A coupon that would leave nothing to
	 * charge is refused: a payment is always above zero, and free access is a comp.
	 */
	CouponCheck check(@Nullable String code, long memberId, Plan plan, BillingInterval interval,
			Instant firstPaidPeriodStart, Instant now) {
		if (code == null || code.isBlank()) {
			return new CouponCheck.None();
		}
		Coupon coupon = coupon(code).orElse(null);
		if (coupon == null) {
			return new CouponCheck.Refused(CouponRefusal.UNKNOWN);
		}
		CouponRefusal refusal = coupon.refusal(plan, now).orElse(null);
		if (refusal == null && coupons.redeemedBy(coupon.id(), memberId)) {
			refusal = CouponRefusal.ALREADY_USED;
		}
		Discount discount = coupon.discountFrom(firstPaidPeriodStart, interval);
		if (refusal == null && discount.apply(plan.price(interval), firstPaidPeriodStart).due() == 0) {
			refusal = CouponRefusal.NOT_FOR_PLAN;
		}
		return refusal == null ? new CouponCheck.Applies(coupon, discount) : new CouponCheck.Refused(refusal);
	}

	/**
	 * The coupon with the typed code, usable or not; empty for a blank code or one that
	 * no coupon has.
	 */
	Optional<Coupon> coupon(@Nullable String code) {
		String typed = code == null ? "" : code.strip();
		return typed.isEmpty() || typed.length() > 40 ? Optional.empty() : coupons.findByCode(typed);
	}

	/**
	 * Checks the code again and redeems it for the member's unfinished subscription,
	 * copying its terms onto it. Must run in the caller's transaction: on refusal the
	 * whole transaction is marked for rollback, so nothing the caller wrote for this
	 * checkout stays.
	 */
	CouponCheck redeem(@Nullable String code, long memberId, long subscriptionId, Plan plan, BillingInterval interval,
			Instant firstPaidPeriodStart, Instant now) {
		CouponCheck check = check(code, memberId, plan, interval, firstPaidPeriodStart, now);
		if (check instanceof CouponCheck.Applies applies) {
			if (!coupons.redeem(applies.coupon().id(), memberId, subscriptionId, now)) {
				// Changed since it was checked a moment ago: another checkout took the
				// last redemption.
				check = check(code, memberId, plan, interval, firstPaidPeriodStart, now);
				if (!(check instanceof CouponCheck.Refused)) {
					check = new CouponCheck.Refused(CouponRefusal.USED_UP);
				}
			}
			else {
				terms.applyDiscount(subscriptionId, applies.coupon().id(), applies.discount(), now);
				log.info("Coupon redeemed couponId={} subscriptionId={}", applies.coupon().id(), subscriptionId);
			}
		}
		if (check instanceof CouponCheck.Refused refused) {
			TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
			log.info("Coupon refused memberId={} reason={}", memberId, refused.refusal());
		}
		return check;
	}

	/**
	 * Gives back the coupon redeemed for an unfinished subscription whose first charge
	 * was declined.
	 */
	void release(long subscriptionId, Instant now) {
		coupons.release(subscriptionId);
		terms.clearDiscount(subscriptionId, now);
	}

}
