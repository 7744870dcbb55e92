package org.backstory.billing.group;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

import org.backstory.billing.BillingInterval;
import org.backstory.billing.GroupTerms;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.SubscriptionStatus;
import org.backstory.billing.ledger.SubscriptionEventLog;
import org.backstory.billing.renewal.SeatCharges;
import org.backstory.billing.subscription.Subscription;
import org.backstory.billing.subscription.SubscriptionRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seats a manager adds to a running group mid-period. They count at once (invitations can
 * use them straight away); every period from the next renewal on costs the extra-seat
 * price more per seat; and the rest of the current period is charged pro rata
 * ({@link SeatProration}) by the renewal run's next pass ({@link SeatCharges}). During a
 * trial nothing is charged now: the first charge, at the trial's end, covers every seat.
 * The pro-rata price does not take the group's coupon off (the renewal does, on the whole
 * price).
 */
@Service
public class SeatPurchases {

	private static final Logger log = LoggerFactory.getLogger(SeatPurchases.class);

	private static final String ENDED = "Your group's subscription has ended.";

	private final SubscriptionRepository subscriptions;

	private final RunningGroups running;

	private final PlanCatalog plans;

	private final SeatCharges charges;

	private final SubscriptionEventLog events;

	private final Clock clock;

	SeatPurchases(SubscriptionRepository subscriptions, RunningGroups running, PlanCatalog plans, SeatCharges charges,
			SubscriptionEventLog events, Clock clock) {
		this.subscriptions = subscriptions;
		this.running = running;
		this.plans = plans;
		this.charges = charges;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * What adding {@code seats} seats to the member's group costs now.
	 * @throws SeatsRefused when seats can't be added (with the sentence why)
	 */
	public SeatQuote quote(long managerId, int seats) {
		Subscription group = subscriptions.current(managerId)
			.filter(RunningGroups::isGroup)
			.orElseThrow(() -> new SeatsRefused(ENDED));
		return quote(group, seats, clock.instant());
	}

	/**
	 * Adds the seats if they still cost {@code shownAmount}, once per {@code attempt}
	 * (the confirmation form's id).
	 * @throws SeatsRefused when seats can't be added (with the sentence why)
	 */
	@Transactional
	public SeatAddition add(long managerId, int seats, long shownAmount, String attempt) {
		Subscription group = running.lockManaged(managerId).orElseThrow(() -> new SeatsRefused(ENDED));
		Instant now = clock.instant();
		if (charges.recorded(group.id(), attempt)) {
			return new SeatAddition(SeatAddition.Outcome.ALREADY_ADDED, quote(group, seats, now));
		}
		SeatQuote quote = quote(group, seats, now);
		if (quote.amount() != shownAmount) {
			return new SeatAddition(SeatAddition.Outcome.PRICE_CHANGED, quote);
		}
		subscriptions.changeSeats(group.id(), quote.seatsAfter(), quote.priceAfter(), now);
		charges.record(new SeatCharges.NewSeatCharge(group.id(), attempt, seats, quote.amount(), quote.currency(),
				quote.daysLeft(), quote.periodDays()));
		events.record(group.id(), group.status(), SubscriptionEventLog.Cause.SEATS_ADDED,
				SubscriptionEventLog.Actor.member(managerId), now);
		log.info("Group seats added subscriptionId={} seats={} amount={}", group.id(), seats, quote.amount());
		return new SeatAddition(SeatAddition.Outcome.ADDED, quote);
	}

	private SeatQuote quote(Subscription group, int seats, Instant now) {
		if (seats < 1) {
			throw new SeatsRefused("Add at least one seat.");
		}
		if (group.status() == SubscriptionStatus.PAST_DUE) {
			throw new SeatsRefused("Your last payment didn't go through: update your card before adding seats.");
		}
		if (group.status() == SubscriptionStatus.CANCELED) {
			throw new SeatsRefused("Your subscription is canceled: resume it before adding seats.");
		}
		if (!RunningGroups.RUNNING.contains(group.status()) || group.currentPeriodEnd() == null) {
			throw new SeatsRefused(ENDED);
		}
		GroupTerms terms = group.planCode() == null ? null
				: plans.find(group.planCode()).map(PlanCatalog.StoredPlan::group).orElse(null);
		if (terms == null) {
			throw new SeatsRefused("Your plan no longer sells extra seats.");
		}
		int seatsAfter = RunningGroups.seatCount(group) + seats;
		if (seatsAfter > GroupTerms.MAX_SEATS) {
			throw new SeatsRefused("A group can have at most " + GroupTerms.MAX_SEATS + " seats.");
		}
		BillingInterval interval = Objects.requireNonNull(group.interval());
		long seatPrice = terms.seatPrice(interval);
		Instant periodEnd = group.currentPeriodEnd();
		SeatProration share = SeatProration.of(group.currentPeriodStart(), periodEnd, now);
		long amount = group.status() == SubscriptionStatus.TRIALING ? 0 : share.amount(seatPrice, seats);
		long price = group.price() == null ? 0 : group.price();
		return new SeatQuote(seats, seatPrice, share.daysLeft(), share.periodDays(), amount,
				String.valueOf(group.currency()), seatsAfter, price + (long) seats * seatPrice, interval.code(),
				periodEnd);
	}

}
