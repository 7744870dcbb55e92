package org.backstory.billing.group;

import java.time.Instant;

/**
 * The price of seats a manager is about to add to their group, as the confirmation shows
 * it.
 *
 * @param seats seats to add
 * @param seatPrice the price of one seat for a whole period, under the plan's terms now
 * @param daysLeft whole days (UTC) of the current period left, today included
 * @param periodDays whole days (UTC) of the current period
 * @param amount what is charged for the days left, by the renewal run's next pass; zero
 * during a trial
 * @param seatsAfter the group's seats with these, the manager's own included
 * @param priceAfter what every period costs from the next renewal on
 * @param interval the period's length: {@code month} or {@code year}
 * @param periodEnd when the current period ends (the next renewal)
 */
public record SeatQuote(int seats, long seatPrice, int daysLeft, int periodDays, long amount, String currency,
		int seatsAfter, long priceAfter, String interval, Instant periodEnd) {
}
