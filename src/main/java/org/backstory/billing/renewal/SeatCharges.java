package org.backstory.billing.renewal;

import java.time.Clock;

import org.springframework.stereotype.Component;

/**
 * The pro-rata charges for seats a group's manager adds mid-period: recorded with the
 * addition (in its transaction), charged by the renewal run on its next pass through the
 * same payment path as renewals ({@link SeatChargeSteps}).
 */
@Component
public class SeatCharges {

	private final SeatChargeRepository charges;

	private final Clock clock;

	SeatCharges(SeatChargeRepository charges, Clock clock) {
		this.charges = charges;
		this.clock = clock;
	}

	/**
	 * Records seats added to a group and what they cost for the rest of the period; false
	 * when this attempt (a confirmation form) was recorded already.
	 */
	public boolean record(NewSeatCharge charge) {
		return charges.insert(charge, clock.instant());
	}

	/** Whether this attempt (a confirmation form) added seats already. */
	public boolean recorded(long subscriptionId, String attempt) {
		return charges.exists(subscriptionId, attempt);
	}

	/** What the group's seat charges not yet paid come to, in minor units. */
	public long pendingAmount(long subscriptionId) {
		return charges.pendingAmount(subscriptionId);
	}

	/**
	 * Seats added to a group mid-period.
	 *
	 * @param attempt the confirmation form's id
	 * @param seats how many seats were added
	 * @param amount their pro-rata price for the rest of the period, in minor units
	 * @param daysLeft the whole days (UTC) of the period left when they were added
	 * @param periodDays the whole days (UTC) of the period
	 */
	public record NewSeatCharge(long subscriptionId, String attempt, int seats, long amount, String currency,
			int daysLeft, int periodDays) {
	}

}
