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
 * declined. An offer ({@link Offer}) brings its own trial or its coupon in place of a
 * typed code; an offer's coupon is refused when typed by hand, so it is taken only
 * through its landing page, for its plan and interval.
 */
@Component
class Offers {

	private static final Logger log = LoggerFactory.getLogger(Offers.class);

	private final SubscriptionRepository subscriptions;

	private final SubscriptionTermsRepository terms;

	private final CouponRepository coupons;

	private final OfferRepository offerRows;

	private final Clock clock;

	Offers(SubscriptionRepository subscriptions, SubscriptionTermsRepository terms, CouponRepository coupons,
			OfferRepository offerRows, Clock clock) {
		this.subscriptions = subscriptions;
		this.terms = terms;
		this.coupons = coupons;
		this.offerRows = offerRows;
		this.clock = clock;
	}

	/**
	 * What checking out the plan would cost the member now: the trial they get, and the
	 * coupon's effect (the offer's, when there is an offer).
	 */
	CheckoutQuote quote(long memberId, Plan plan, BillingInterval interval, @Nullable String couponCode,
			@Nullable Offer offer) {
		Instant now = clock.instant();
		Instant trialEnd = trialEnd(memberId, plan, offer, now);
		Instant firstPaid = trialEnd == null ? now : trialEnd;
		CouponCheck coupon = check(couponCode, memberId, plan, interval, firstPaid, offer, now);
		return new CheckoutQuote(plan, interval, trialEnd,
				coupon instanceof CouponCheck.Applies applies ? applies.coupon() : null,
				coupon instanceof CouponCheck.Refused refused ? refused.refusal() : null,
				coupon.charge(plan.price(interval), firstPaid).due(), trialEnd == null ? 0 : trialDays(plan, offer),
				offer);
	}

	/**
	 * When the member's free trial of the plan would end if it started now (the offer's
	 * trial, for a trial offer); null for no trial.
	 */
	@Nullable Instant trialEnd(long memberId, Plan plan, @Nullable Offer offer, Instant now) {
		int days = trialDays(plan, offer);
		if (days == 0 || subscriptions.hadTrial(memberId)) {
			return null;
		}
		// At the precision the database keeps, so the end reported to the member is the
		// end stored.
		return now.plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.MICROS);
	}

	private static int trialDays(Plan plan, @Nullable Offer offer) {
		return offer != null && offer.trialDays() != null ? offer.trialDays() : plan.trialDays();
	}

	/**
	 * The offer a checkout names (in any case), or null for none; a code no offer has
	 * stands for an archived offer, so the member is told it is no longer available.
	 */
	@Nullable Offer offer(@Nullable String code) {
		if (code == null || code.isBlank()) {
			return null;
		}
		return Offer.slug(code).flatMap(offerRows::findByCode).orElseGet(() -> Offer.missing(code.strip()));
	}

	/**
	 * Why the offer cannot be taken with a checkout of the plan and interval, if it
	 * cannot.
	 */
	static Optional<CouponRefusal> refusal(Offer offer, Plan plan, BillingInterval interval) {
		if (!offer.active()) {
			return Optional.of(CouponRefusal.OFFER_ENDED);
		}
		return offer.fits(plan.code(), interval) ? Optional.empty() : Optional.of(CouponRefusal.OFFER_NOT_FOR_PLAN);
	}

	/**
	 * Whether {@code code} applies to a subscription to the plan whose first charged
	 * period starts at {@code firstPaidPeriodStart}. A coupon that would leave nothing to
	 * charge is refused: a payment is always above zero, and free access is a comp.
	 */
	CouponCheck check(@Nullable String typedCode, long memberId, Plan plan, BillingInterval interval,
			Instant firstPaidPeriodStart, @Nullable Offer offer, Instant now) {
		if (offer != null) {
			Optional<CouponRefusal> offerRefusal = refusal(offer, plan, interval);
			if (offerRefusal.isPresent()) {
				return new CouponCheck.Refused(offerRefusal.get());
			}
		}
		String code = offer == null ? typedCode : offer.discount() == null ? null : offer.discount().code();
		if (code == null || code.isBlank()) {
			return new CouponCheck.None();
		}
		Coupon coupon = coupon(code).orElse(null);
		if (coupon == null || (offer == null && offerRows.isOfferCoupon(coupon.id()))) {
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
			Instant firstPaidPeriodStart, @Nullable Offer offer, Instant now) {
		CouponCheck check = check(code, memberId, plan, interval, firstPaidPeriodStart, offer, now);
		if (check instanceof CouponCheck.Applies applies) {
			if (!coupons.redeem(applies.coupon().id(), memberId, subscriptionId, now)) {
				// Changed since it was checked a moment ago: another checkout took the
				// last redemption.
				check = check(code, memberId, plan, interval, firstPaidPeriodStart, offer, now);
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
	 * Notes the offer the member's unfinished subscription is checked out with, or that
	 * it has none: redeemed at once when its trial starts, else pending until the first
	 * charge succeeds ({@link #confirm}) or is declined ({@link #release}).
	 */
	void noteOffer(long subscriptionId, @Nullable Offer offer, boolean trialStarts, Instant now) {
		offerRows.markCheckout(subscriptionId, offer == null ? null : offer.id(), trialStarts, now);
	}

	/**
	 * Counts the offer a checkout used (if any) as redeemed, once its first charge
	 * succeeded.
	 */
	void confirm(long subscriptionId, Instant now) {
		offerRows.confirm(subscriptionId, now);
	}

	/**
	 * Gives back the coupon redeemed for an unfinished subscription whose first charge
	 * was declined.
	 */
	void release(long subscriptionId, Instant now) {
		coupons.release(subscriptionId);
		offerRows.release(subscriptionId);
		terms.clearDiscount(subscriptionId, now);
	}

}
