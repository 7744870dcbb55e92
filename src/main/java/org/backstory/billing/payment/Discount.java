package org.backstory.billing.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import org.backstory.shared.Columns;
import org.backstory.shared.Timestamps;
import org.jspecify.annotations.Nullable;

/**
 * A coupon's terms as copied onto a subscription when it was redeemed, as the price is
 * copied from the plan, so later changes to the coupon never change them: a percentage or
 * a fixed amount off each charge for a period that starts before {@code endsAt} (every
 * period when it is null). Pure: checkout and the renewal run compute charges with it.
 *
 * @param percentOff 1 to 100 percent of the price, or null
 * @param amountOff minor units taken off each discounted charge (never more than the
 * price), or null
 * @param endsAt the first period start that no longer gets the discount; null when it
 * never ends
 */
public record Discount(@Nullable Integer percentOff, @Nullable Long amountOff, @Nullable Instant endsAt) {

	/** No discount: every charge is the list price. */
	public static final Discount NONE = new Discount(null, null, null);

	public Discount {
		if (percentOff != null && amountOff != null) {
			throw new IllegalArgumentException("a discount is a percentage or an amount, not both");
		}
		if ((percentOff != null && (percentOff < 1 || percentOff > 100)) || (amountOff != null && amountOff < 1)) {
			throw new IllegalArgumentException("a discount takes off 1 to 100 percent or a positive amount");
		}
	}

	/**
	 * Whether a charge for a period starting at {@code periodStart} gets something off;
	 * never for {@link #NONE}.
	 */
	public boolean appliesTo(Instant periodStart) {
		return (percentOff != null || amountOff != null) && (endsAt == null || periodStart.isBefore(endsAt));
	}

	/**
	 * What the discount takes off a price of {@code list} when it applies: the percentage
	 * rounded to the nearest minor unit (halves up), or the amount, at most the price.
	 */
	public long off(long list) {
		if (percentOff != null) {
			return Math.round(list * percentOff / 100.0);
		}
		return amountOff == null ? 0 : Math.min(amountOff, list);
	}

	/**
	 * What a charge of {@code list} for the period starting at {@code periodStart} comes
	 * to with this discount.
	 */
	public ChargeAmount apply(long list, Instant periodStart) {
		return new ChargeAmount(list, appliesTo(periodStart) ? off(list) : 0, 0);
	}

	/**
	 * The discount columns of a {@code billing.subscription} row
	 * ({@code percent_off, amount_off,
	 * discount_ends_at}); {@link #NONE} when it has none.
	 */
	public static Discount read(ResultSet rs) throws SQLException {
		Integer percentOff = Columns.nullableInt(rs, "percent_off");
		Long amountOff = Columns.nullableLong(rs, "amount_off");
		return new Discount(percentOff, amountOff, Timestamps.read(rs, "discount_ends_at"));
	}

}
