package org.backstory.billing.checkout;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.backstory.billing.Money;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanCatalog;
import org.backstory.shared.StaffActions;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Offers as staff manage them and readers find them. A discount offer's terms are a
 * coupon of the same code, restricted to the offer's plan, created with the offer and
 * deactivated when it is archived, so checkout prices and redeems it as any coupon (see
 * {@link Offers}); its terms cannot change after creation, as Ghost's cannot. Readers
 * take offers through {@link CheckoutService}.
 */
@Service
public class OfferService {

	private static final Logger log = LoggerFactory.getLogger(OfferService.class);

	private final OfferRepository offers;

	private final CouponService coupons;

	private final PlanCatalog plans;

	private final StaffActions audit;

	private final Clock clock;

	OfferService(OfferRepository offers, CouponService coupons, PlanCatalog plans, StaffActions audit, Clock clock) {
		this.offers = offers;
		this.coupons = coupons;
		this.plans = plans;
		this.audit = audit;
		this.clock = clock;
	}

	/** Every offer with its views and redemptions, newest first. */
	public List<OfferSummary> summaries() {
		return offers.summaries();
	}

	/** The offer with the code (in any case), archived or not. */
	public Optional<Offer> offer(@Nullable String code) {
		return Offer.slug(code).flatMap(offers::findByCode);
	}

	/**
	 * The offer's first payment on its plan, discount applied, as a member without a
	 * trial would pay it now; for a trial offer, the price paid after the trial.
	 */
	public long firstPayment(Offer offer, Plan plan) {
		long price = plan.price(offer.interval());
		if (offer.discount() == null) {
			return price;
		}
		Instant now = clock.instant();
		return offer.discount().discountFrom(now, offer.interval()).apply(price, now).due();
	}

	/** Counts one view of the offer's landing page today (UTC). */
	public void viewed(Offer offer) {
		offers.countView(offer.id(), LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
	}

	/**
	 * Creates an offer on staff's say, audited as {@code offer.created}.
	 * @return the new offer, or empty when its code is taken by an offer or a coupon
	 * @throws IllegalArgumentException when the plan is not on sale, or the discount does
	 * not fit it (another currency, nothing left to pay); the message is a sentence for
	 * staff
	 */
	@Transactional
	public Optional<Offer> createByStaff(long staffId, NewOffer offer) {
		PlanCatalog.StoredPlan plan = plans.find(offer.planCode())
			.filter(p -> p.plan().active())
			.orElseThrow(() -> new IllegalArgumentException("Choose a plan that is on sale."));
		long price = plan.plan().price(offer.interval());
		Long couponId = null;
		if (offer.discount() != null) {
			if (offer.discount().amountOff() != null && offer.discount().amountOff() >= price) {
				throw new IllegalArgumentException("The amount off must be below the price, "
						+ Money.format(price, plan.plan().currency()) + ". Free access is a comp.");
			}
			Optional<Coupon> coupon = coupons.create(offer.discount());
			if (coupon.isEmpty()) {
				return Optional.empty();
			}
			couponId = coupon.get().id();
		}
		if (!offers.insert(offer, plan.id(), couponId, clock.instant())) {
			TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
			return Optional.empty();
		}
		Offer created = offers.findByCode(offer.code()).orElseThrow();
		audit.record(staffId, "offer.created", "offer " + created.id() + " " + created.code(), created.title());
		log.info("Offer created offerId={}", created.id());
		return Optional.of(created);
	}

	/**
	 * Changes the landing page's title and text on staff's say, audited as
	 * {@code offer.edited}; the terms stay.
	 * @return false when there is no such offer
	 * @throws IllegalArgumentException when the title or text does not fit
	 */
	@Transactional
	public boolean retitleByStaff(long staffId, String code, String title, String description) {
		if (title.isBlank() || title.length() > 80) {
			throw new IllegalArgumentException("The title must be 1 to 80 characters.");
		}
		if (description.length() > 2000) {
			throw new IllegalArgumentException("The text must be at most 2,000 characters.");
		}
		boolean changed = offers.retitle(code, title, description);
		if (changed) {
			audit.record(staffId, "offer.edited", "offer " + code, title);
		}
		return changed;
	}

	/**
	 * Archives an offer on staff's say, audited as {@code offer.archived}: its page says
	 * it is no longer available and its discount can no longer be redeemed; subscribers
	 * who took it keep their terms.
	 * @return false when there is no such offer or it was archived already
	 */
	@Transactional
	public boolean archiveByStaff(long staffId, String code) {
		Optional<Offer> offer = offers.findByCode(code);
		if (offer.isEmpty() || !offers.archive(code, clock.instant())) {
			return false;
		}
		if (offer.get().discount() != null) {
			coupons.deactivate(offer.get().discount().id());
		}
		audit.record(staffId, "offer.archived", "offer " + offer.get().id() + " " + code, "");
		log.info("Offer archived offerId={}", offer.get().id());
		return true;
	}

}
