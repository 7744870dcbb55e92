package org.backstory.billing;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A coupon's terms as copied onto a subscription: a percentage or a fixed amount off each charge for a
 * period that starts before {@code endsAt} (every period when it is null).
 */
record Discount(@Nullable Integer percentOff, @Nullable Long amountOff, @Nullable Instant endsAt) {

	static final Discount NONE = new Discount(null, null, null);

	Discount {
		if (percentOff != null && amountOff != null) {
			throw new IllegalArgumentException("a discount is a percentage or an amount, not both");
		}
		if ((percentOff != null && (percentOff < 1 || percentOff > 100)) || (amountOff != null && amountOff < 1)) {
			throw new IllegalArgumentException("a discount takes off 1 to 100 percent or a positive amount");
		}
	}

	/** What a charge of {@code list} for the period starting at {@code periodStart} comes to with this discount. */
	ChargeAmount apply(long list, Instant periodStart) {
		if (endsAt != null && !periodStart.isBefore(endsAt)) {
			return ChargeAmount.of(list);
		}
		long off = 0;
		if (percentOff != null) {
			off = Math.round(list * percentOff / 100.0);
		}
		else if (amountOff != null) {
			off = Math.min(amountOff, list);
		}
		return new ChargeAmount(list, off, 0);
	}

}
