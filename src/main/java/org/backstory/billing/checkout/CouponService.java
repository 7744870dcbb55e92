package org.backstory.billing.checkout;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.backstory.billing.Money;
import org.backstory.billing.PlanCatalog;
import org.backstory.shared.StaffActions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coupons, as staff manage them (the admin page lets only the owner: a coupon gives money
 * away). Readers use coupons through {@link CheckoutService}.
 */
@Service
public class CouponService {

	private static final Logger log = LoggerFactory.getLogger(CouponService.class);

	private final CouponRepository coupons;

	private final PlanCatalog plans;

	private final StaffActions audit;

	private final Clock clock;

	CouponService(CouponRepository coupons, PlanCatalog plans, StaffActions audit, Clock clock) {
		this.coupons = coupons;
		this.plans = plans;
		this.audit = audit;
		this.clock = clock;
	}

	/** Every coupon, newest first. */
	public List<Coupon> coupons() {
		return coupons.all();
	}

	/**
	 * Creates a coupon.
	 * @return the new coupon, or empty when its code is taken (in any case)
	 * @throws IllegalArgumentException when the plan it is restricted to does not exist
	 * or the expiry is not in the future; the message is a sentence for staff
	 */
	@Transactional
	public Optional<Coupon> create(NewCoupon coupon) {
		return insert(coupon);
	}

	/** {@link #create} on staff's say, audited as {@code coupon.created}. */
	@Transactional
	public Optional<Coupon> createByStaff(long staffId, NewCoupon coupon) {
		Optional<Coupon> created = insert(coupon);
		created.ifPresent(c -> audit.record(staffId, "coupon.created", "coupon " + c.id() + " " + c.code(), terms(c)));
		return created;
	}

	private static String terms(Coupon coupon) {
		String off = coupon.percentOff() != null ? coupon.percentOff() + "% off"
				: Money.format(coupon.amountOff() == null ? 0 : coupon.amountOff(), String.valueOf(coupon.currency()))
						+ " off";
		return coupon.name() + ": " + off + ", " + coupon.duration().name().toLowerCase(Locale.ROOT)
				+ (coupon.durationMonths() == null ? "" : " " + coupon.durationMonths() + " months");
	}

	private Optional<Coupon> insert(NewCoupon coupon) {
		Long planId = null;
		if (coupon.planCode() != null) {
			PlanCatalog.StoredPlan plan = plans.find(coupon.planCode())
				.orElseThrow(() -> new IllegalArgumentException(
						"There is no plan with the code " + coupon.planCode() + "."));
			String currency = plan.plan().currency();
			if (coupon.currency() != null && !coupon.currency().equals(currency)) {
				throw new IllegalArgumentException("The amount off must be in the plan's currency, " + currency + ".");
			}
			planId = plan.id();
		}
		if (coupon.redeemBy() != null && !coupon.redeemBy().isAfter(clock.instant())) {
			throw new IllegalArgumentException("The expiry must be in the future.");
		}
		Optional<Coupon> created = coupons.insert(coupon, planId, clock.instant());
		created.ifPresent(c -> log.info("Coupon created couponId={}", c.id()));
		return created;
	}

	/**
	 * Stops a coupon from being redeemed again. Subscriptions that redeemed it keep their
	 * discount.
	 * @return false when there is no such coupon
	 */
	@Transactional
	public boolean deactivate(long couponId) {
		boolean deactivated = coupons.deactivate(couponId);
		if (deactivated) {
			log.info("Coupon deactivated couponId={}", couponId);
		}
		return deactivated;
	}

	/** {@link #deactivate} on staff's say, audited as {@code coupon.deactivated}. */
	@Transactional
	public boolean deactivateByStaff(long staffId, long couponId) {
		boolean deactivated = deactivate(couponId);
		if (deactivated) {
			audit.record(staffId, "coupon.deactivated", "coupon " + couponId, "");
		}
		return deactivated;
	}

}
