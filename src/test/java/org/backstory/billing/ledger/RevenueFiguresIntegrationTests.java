package org.backstory.billing.ledger;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

import org.backstory.OwnDatabase;
import org.backstory.billing.BillingClockTestSupport;
import org.backstory.billing.BillingFixtures;
import org.backstory.billing.BillingInterval;
import org.backstory.billing.Plan;
import org.backstory.billing.SandboxCards;
import org.backstory.billing.SubscriptionService;
import org.backstory.billing.subscription.SubscriptionChanges;
import org.backstory.members.SignedInMember;
import org.backstory.publishing.SettableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The revenue figures the event log yields, in a database of its own: the figures count
 * everything in the database, and other test classes move their clocks and leave events
 * in what is this class's future.
 */
@SpringBootTest(properties = "backstory.billing.renewal.run-every=1h")
@Import(SettableClock.Configuration.class)
@OwnDatabase("billing_revenue")
class RevenueFiguresIntegrationTests extends BillingClockTestSupport {

	@Autowired
	SubscriptionChanges changes;

	@Autowired
	RevenueFigures revenue;

	@Autowired
	SubscriptionService subscriptions;

	private Plan plan;

	@BeforeEach
	void newPlan() {
		plan = catalog.createPlan(BillingFixtures.newPlan());
	}

	@Test
	void revenueFiguresFollowTheEventLog() {
		Instant start = clock.instant();
		subscribed(BillingInterval.MONTH, SandboxCards.SUCCEEDS);
		subscribed(BillingInterval.YEAR, SandboxCards.SUCCEEDS);
		subscribed(BillingInterval.MONTH, SandboxCards.FIRST_CHARGE_ONLY);
		SignedInMember leaving = subscribed(BillingInterval.MONTH, SandboxCards.SUCCEEDS);
		SignedInMember comped = BillingFixtures.registeredMember(members);
		subscriptions.grantComp(comped.id(), plan.tier(), null);
		changes.cancel(leaving.id());

		// $5 + $50/12 (rounded) + $5 + $5 (canceled, but paid up to its period end); the
		// comp counts nothing.
		assertThat(mrr()).isEqualTo(500 + 417 + 500 + 500);
		assertThat(revenue.activePaidMembers(clock.instant())).isEqualTo(4);

		clock.advance(Duration.ofDays(32));
		run.runDue();
		assertThat(mrr()).as("one renewed, one past due, one ended").isEqualTo(500 + 417 + 500);

		for (int day = 0; day < 17; day++) {
			clock.advance(Duration.ofDays(1));
			run.runDue();
		}
		assertThat(mrr()).as("the past-due one ran out of retries").isEqualTo(500 + 417);
		assertThat(revenue.activePaidMembers(clock.instant())).isEqualTo(2);
		assertThat(revenue.mrr(start)).as("the past does not change").isEmpty();
		assertThat(revenue.mrr(start.plus(Duration.ofDays(1))))
			.containsExactly(new RevenueFigures.Amount(500 + 417 + 500 + 500, "USD"));

		long churned = 0;
		long newPaid = 0;
		for (YearMonth month = YearMonth.from(start.atZone(ZoneOffset.UTC)); !month
			.isAfter(YearMonth.from(clock.instant().atZone(ZoneOffset.UTC))); month = month.plusMonths(1)) {
			RevenueFigures.Month figures = revenue.month(month);
			churned += figures.churned();
			newPaid += figures.newPaid();
		}
		assertThat(churned).as("the canceled one and the one that ran out of retries").isEqualTo(2);
		assertThat(newPaid).isEqualTo(4);
	}

	private long mrr() {
		return revenue.mrr(clock.instant()).stream().mapToLong(RevenueFigures.Amount::minorUnits).sum();
	}

	private SignedInMember subscribed(BillingInterval interval, String card) {
		return BillingFixtures.subscribedMember(members, checkouts, plan, interval, card);
	}

}
