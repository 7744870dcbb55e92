package org.backstory.billing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A coupon's terms as copied onto a subscription when it was redeemed, as the price is copied from the
 * plan: later changes to the coupon never change them. A charge for a period that starts before
 * {@code endsAt} (or any period, when it is null) gets the discount. Pure: the checkout and the renewal
 * run both compute charges with it.
 *
 * @param couponId the coupon the terms came from
 * @param percentOff 1 to 100 percent of the price, or null for an amount
 * @param amountOff minor units taken off each discounted charge (never more than the price), or null
 * @param endsAt the first period start that no longer gets the discount; null when it never ends
 */
public record Discount(long couponId, @Nullable Integer percentOff, @Nullable Long amountOff,
		@Nullable Instant endsAt) {

	public Discount {
		if ((percentOff == null) == (amountOff == null)) {
			throw new IllegalArgumentException("a discount is either a percentage or an amount");
		}
		if (percentOff != null && (percentOff < 1 || percentOff > 100)) {
			throw new IllegalArgumentException("percent off must be 1 to 100");
		}
		if (amountOff != null && amountOff <= 0) {
			throw new IllegalArgumentException("amount off must be above zero");
		}
	}

	/** Whether a charge for a period starting at {@code periodStart} gets the discount. */
	public boolean appliesTo(Instant periodStart) {
		return endsAt == null || periodStart.isBefore(endsAt);
	}

	/**
	 * What the discount takes off a price of {@code list} when it applies: the percentage rounded to the
	 * nearest minor unit (halves up), or the amount, at most the price.
	 */
	public long off(long list) {
		if (percentOff != null) {
			return (list * percentOff + 50) / 100;
		}
		return Math.min(list, amountOff == null ? 0 : amountOff);
	}

	/** The charge for a period of {@code list} price starting at {@code periodStart}, discounted if it applies. */
	ChargeAmount apply(long list, Instant periodStart) {
		return new ChargeAmount(list, appliesTo(periodStart) ? off(list) : 0, 0);
	}

	/** The charge for a period of a subscription that may have no discount. */
	static ChargeAmount apply(@Nullable Discount discount, long list, Instant periodStart) {
		return discount == null ? ChargeAmount.of(list) : discount.apply(list, periodStart);
	}

	/**
	 * The discount columns of a {@code billing.subscription} row ({@code coupon_id, percent_off, amount_off,
	 * discount_ends_at}); null when it has none.
	 */
	static @Nullable Discount read(ResultSet rs) throws SQLException {
		long couponId = rs.getLong("coupon_id");
		if (rs.wasNull()) {
			return null;
		}
		int percent = rs.getInt("percent_off");
		Integer percentOff = rs.wasNull() ? null : percent;
		long amount = rs.getLong("amount_off");
		Long amountOff = rs.wasNull() ? null : amount;
		return new Discount(couponId, percentOff, amountOff, Timestamps.read(rs, "discount_ends_at"));
	}

}
