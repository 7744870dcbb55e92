package org.backstory.billing;

/**
 * What makes a plan a group plan: its prices cover {@code includedSeats} readers, and
 * each further seat costs a price per period.
 *
 * @param includedSeats seats the base price pays for, the manager's own included
 * @param monthlySeatPrice the price of one extra seat per month, in minor units
 * @param yearlySeatPrice the price of one extra seat per year, in minor units
 */
public record GroupTerms(int includedSeats, long monthlySeatPrice, long yearlySeatPrice) {

	/** The most seats one group can have. */
	public static final int MAX_SEATS = 1000;

	public GroupTerms {
		if (includedSeats < 1 || includedSeats > MAX_SEATS) {
			throw new IllegalArgumentException("Included seats must be from 1 to " + MAX_SEATS + ".");
		}
		if (monthlySeatPrice < 0 || yearlySeatPrice < 0) {
			throw new IllegalArgumentException("Seat prices can't be below zero.");
		}
	}

	/** The price of one seat beyond the included ones for a period of the interval. */
	public long seatPrice(BillingInterval interval) {
		return interval == BillingInterval.MONTH ? monthlySeatPrice : yearlySeatPrice;
	}

	/**
	 * A seat count the plan can be bought with: at least the included seats, at most
	 * {@link #MAX_SEATS}.
	 */
	public int allowedSeats(int seats) {
		return Math.min(MAX_SEATS, Math.max(includedSeats, seats));
	}

	/** The price of a period for {@code seats} seats. */
	public long price(Plan plan, BillingInterval interval, int seats) {
		return plan.price(interval) + (long) Math.max(0, seats - includedSeats) * seatPrice(interval);
	}

}
