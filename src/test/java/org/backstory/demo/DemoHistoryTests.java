package org.backstory.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;

import org.backstory.billing.BillingArchive.ArchivedEvent;
import org.backstory.billing.BillingArchive.ArchivedSubscription;
import org.backstory.billing.BillingRestore;
import org.backstory.members.ImportedMember;
import org.junit.jupiter.api.Test;

/**
 * The demo's year of history is the same on every start, grows, and is something
 * billing's restore takes: every row passes its checks, and no running subscription falls
 * due in the first days of the demo.
 */
class DemoHistoryTests {

	private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

	private static SubscriptionSimulation simulated(Random random) {
		SubscriptionSimulation simulation = new SubscriptionSimulation(random, NOW, "supporter", 800, 8000, "USD");
		long member = 1;
		for (ImportedMember reader : DemoHistory.readers(random, NOW)) {
			simulation.subscribe(member++, reader.joinedAt().plus(Duration.ofDays(2)));
		}
		return simulation;
	}

	@Test
	void theSameSeedGivesTheSameHistory() {
		assertThat(DemoHistory.readers(new Random(DemoHistory.SEED), NOW))
			.isEqualTo(DemoHistory.readers(new Random(DemoHistory.SEED), NOW));
		assertThat(simulated(new Random(DemoHistory.SEED)).events())
			.isEqualTo(simulated(new Random(DemoHistory.SEED)).events());
	}

	@Test
	void signUpsGrowOverTwelveMonths() {
		var readers = DemoHistory.readers(new Random(DemoHistory.SEED), NOW);
		Instant halfYear = NOW.minus(Duration.ofDays(182));

		long firstHalf = readers.stream().filter(reader -> reader.joinedAt().isBefore(halfYear)).count();
		assertThat(readers.size() - firstHalf).isGreaterThan(firstHalf * 2);
		assertThat(readers)
			.allSatisfy(reader -> assertThat(reader.joinedAt()).isBetween(NOW.minus(Duration.ofDays(366)), NOW));
	}

	@Test
	void billingWouldTakeEveryRowAndNothingFallsDueInTheQuietDays() {
		SubscriptionSimulation simulation = simulated(new Random(DemoHistory.SEED));

		assertThat(simulation.subscriptions()).allSatisfy(s -> assertThat(BillingRestore.problems(s)).isEmpty());
		assertThat(simulation.payments()).allSatisfy(p -> assertThat(BillingRestore.problems(p)).isEmpty());
		assertThat(simulation.events()).allSatisfy(e -> assertThat(BillingRestore.problems(e)).isEmpty());
		assertThat(simulation.subscriptions().stream().filter(s -> !s.status().equals("expired")))
			.allSatisfy(s -> assertThat(s.currentPeriodEnd())
				.isAfter(NOW.plus(Duration.ofDays(SubscriptionSimulation.QUIET_DAYS))));
	}

	@Test
	void subscriptionsMixIntervalsTrialsAndCancellations() {
		SubscriptionSimulation simulation = simulated(new Random(DemoHistory.SEED));

		assertThat(simulation.subscriptions()).extracting(ArchivedSubscription::interval).contains("month", "year");
		assertThat(simulation.events()).extracting(ArchivedEvent::cause)
			.contains("trial_started", "first_payment", "renewed", "canceled_by_member", "period_ended");
		long cancellations = simulation.events().stream().filter(e -> e.cause().equals("canceled_by_member")).count();
		assertThat(cancellations).isLessThan(simulation.subscriptions().size() / 2);
	}

}
