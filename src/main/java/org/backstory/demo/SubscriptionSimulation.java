package org.backstory.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.backstory.billing.BillingArchive.ArchivedEvent;
import org.backstory.billing.BillingArchive.ArchivedPayment;
import org.backstory.billing.BillingArchive.ArchivedSubscription;
import org.jspecify.annotations.Nullable;

/**
 * Plays out the demo readers' subscriptions from their first checkout to now, as the
 * subscription event log, the payments and the subscriptions' last state would hold them:
 * monthly and yearly plans, free trials (most converting), renewals, and members
 * canceling at a few percent a month. Pure: the same random numbers give the same
 * history. No subscription is left due within {@link #QUIET_DAYS} of now, so the renewal
 * run has nothing of the demo's to do on the first days of a demo.
 */
final class SubscriptionSimulation {

	static final int QUIET_DAYS = 3;

	private static final Duration TRIAL = Duration.ofDays(14);

	private final Random random;

	private final Instant now;

	private final String plan;

	private final long monthlyPrice;

	private final long yearlyPrice;

	private final String currency;

	private final List<ArchivedSubscription> subscriptions = new ArrayList<>();

	private final List<ArchivedPayment> payments = new ArrayList<>();

	private final List<ArchivedEvent> events = new ArrayList<>();

	private long nextSubscription = 1;

	private long nextPayment = 1;

	private long nextEvent = 1;

	SubscriptionSimulation(Random random, Instant now, String plan, long monthlyPrice, long yearlyPrice,
			String currency) {
		this.random = random;
		this.now = now;
		this.plan = plan;
		this.monthlyPrice = monthlyPrice;
		this.yearlyPrice = yearlyPrice;
		this.currency = currency;
	}

	List<ArchivedSubscription> subscriptions() {
		return subscriptions;
	}

	List<ArchivedPayment> payments() {
		return payments;
	}

	List<ArchivedEvent> events() {
		return events;
	}

	/**
	 * A subscription the member starts at {@code start}; answers its id, or null when its
	 * next renewal would fall in the quiet days (then nothing of it is kept).
	 */
	@Nullable Long subscribe(long memberId, Instant start) {
		Run run = new Run(nextSubscription, memberId, random.nextDouble() < 0.25);
		boolean kept = random.nextDouble() < 0.3 ? run.trial(start) : run.checkout(start);
		if (!kept) {
			return null;
		}
		nextSubscription++;
		subscriptions.addAll(run.subscription);
		payments.addAll(run.payments);
		events.addAll(run.events);
		nextPayment += run.payments.size();
		nextEvent += run.events.size();
		return run.id;
	}

	private boolean quiet(Instant end) {
		return end.isAfter(now) && end.isBefore(now.plus(Duration.ofDays(QUIET_DAYS)));
	}

	/** One subscription's life, kept only if it ends well clear of the quiet days. */
	private final class Run {

		final long id;

		final long memberId;

		final boolean yearly;

		final List<ArchivedSubscription> subscription = new ArrayList<>();

		final List<ArchivedPayment> payments = new ArrayList<>();

		final List<ArchivedEvent> events = new ArrayList<>();

		@Nullable String status;

		Run(long id, long memberId, boolean yearly) {
			this.id = id;
			this.memberId = memberId;
			this.yearly = yearly;
		}

		long price() {
			return yearly ? yearlyPrice : monthlyPrice;
		}

		long monthlyValue(String status) {
			return paid(status) ? (yearly ? Math.round(price() / 12.0) : price()) : 0;
		}

		boolean trial(Instant start) {
			move("trialing", "trial_started", member(), start, null);
			Instant end = start.plus(TRIAL);
			if (end.isAfter(now)) {
				return end(start, end, end, null, "trialing");
			}
			if (random.nextDouble() < 0.35) {
				move("expired", "period_ended", "renewal-run", end, null);
				return end(start, end, end, null, "expired");
			}
			move("active", "renewed", "renewal-run", end, pay("renewal", end));
			return periods(end, end);
		}

		boolean checkout(Instant start) {
			move("incomplete", "checkout_started", member(), start, null);
			Instant paid = start.plus(Duration.ofMinutes(2));
			move("active", "first_payment", member(), paid, pay("checkout", paid));
			return periods(paid, null);
		}

		/** Renewals until the member cancels or the period runs past now. */
		private boolean periods(Instant periodStart, @Nullable Instant trialEnd) {
			Instant start = periodStart;
			while (true) {
				Instant end = start.atZone(ZoneOffset.UTC).plusMonths(yearly ? 12 : 1).toInstant();
				if (random.nextDouble() < (yearly ? 0.15 : 0.045)) {
					Instant canceled = start
						.plusSeconds((long) (random.nextDouble() * Duration.between(start, end).toSeconds()));
					if (canceled.isBefore(now)) {
						move("canceled", "canceled_by_member", member(), canceled, null);
						if (end.isAfter(now)) {
							return end(start, end, trialEnd, canceled, "canceled");
						}
						move("expired", "period_ended", "renewal-run", end, null);
						return end(start, end, trialEnd, canceled, "expired");
					}
				}
				if (end.isAfter(now)) {
					return end(start, end, trialEnd, null, "active");
				}
				move("active", "renewed", "renewal-run", end, pay("renewal", end));
				start = end;
			}
		}

		private String member() {
			return "member:" + memberId;
		}

		private long pay(String purpose, Instant at) {
			long payment = nextPayment + payments.size();
			Instant periodEnd = at.atZone(ZoneOffset.UTC).plusMonths(yearly ? 12 : 1).toInstant();
			payments.add(new ArchivedPayment(payment, memberId, id, purpose, "succeeded", price(), price(), 0, 0, 0,
					currency, payment, "sandbox", "demo_ch_" + payment, null, at, periodEnd, at, at, null));
			return payment;
		}

		private void move(String to, String cause, String actor, Instant at, @Nullable Long payment) {
			String from = status;
			events.add(new ArchivedEvent(nextEvent + events.size(), id, from, to, cause, actor,
					payment == null ? null : price(), payment == null ? null : currency, payment, at, "paid",
					monthlyValue(to), from != null && paid(from), from == null ? 0 : monthlyValue(from),
					from == null ? null : currency));
			status = to;
		}

		private boolean end(Instant periodStart, Instant periodEnd, @Nullable Instant trialEnd,
				@Nullable Instant canceledAt, String last) {
			boolean running = !last.equals("expired");
			if (running && quiet(periodEnd)) {
				return false;
			}
			Instant updated = events.get(events.size() - 1).occurredAt();
			subscription.add(new ArchivedSubscription(id, memberId, plan, plan, yearly ? "year" : "month", price(),
					currency, last, false, last.equals("active") || last.equals("trialing"), periodStart, periodEnd,
					trialEnd, canceledAt, null, null, null, null, null, events.get(0).occurredAt(), updated));
			return true;
		}

	}

	private static boolean paid(String status) {
		return status.equals("active") || status.equals("past_due") || status.equals("canceled");
	}

}
