package org.backstory.billing.renewal;

import java.time.Duration;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.backstory.OwnDatabase;
import org.backstory.billing.BillingClockTestSupport;
import org.backstory.billing.BillingFixtures;
import org.backstory.billing.BillingInterval;
import org.backstory.billing.Plan;
import org.backstory.billing.SandboxCards;
import org.backstory.billing.checkout.Checkout;
import org.backstory.billing.checkout.CheckoutOutcome;
import org.backstory.members.SignedInMember;
import org.backstory.publishing.SettableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The billing counters ({@code backstory_billing_renewals_total},
 * {@code backstory_billing_paid_conversions_total}) move once for each renewal and new
 * paid subscription the subscription event log records. The run renews every subscription
 * due in this database, other tests' too, so a run's counts are compared with the log's
 * entries it added.
 */
@SpringBootTest(properties = "backstory.billing.renewal.run-every=1h")
@Import(SettableClock.Configuration.class)
@OwnDatabase("billing_renewals")
class RenewalMetricsIntegrationTests extends BillingClockTestSupport {

	@Autowired
	MeterRegistry meters;

	@Test
	void eachRenewalCountsOnceAsSucceededOrFailed() {
		Plan plan = catalog.createPlan(BillingFixtures.newPlan());
		SignedInMember paying = BillingFixtures.subscribedMember(members, checkouts, plan, BillingInterval.MONTH,
				SandboxCards.SUCCEEDS);
		SignedInMember declined = BillingFixtures.subscribedMember(members, checkouts, plan, BillingInterval.MONTH,
				SandboxCards.FIRST_CHARGE_ONLY);
		long lastEvent = lastEventId();
		double succeeded = renewals("succeeded");
		double failed = renewals("failed");

		clock.advance(Duration.ofDays(32));
		run.runDue();

		assertThat(eventsSince(lastEvent, paying, "renewed")).isEqualTo(1);
		assertThat(eventsSince(lastEvent, declined, "renewal_failed")).isEqualTo(1);
		assertThat(renewals("succeeded") - succeeded).isEqualTo(eventsSince(lastEvent, "'renewed'"));
		assertThat(renewals("failed") - failed)
			.isEqualTo(eventsSince(lastEvent, "'renewal_failed', 'retries_exhausted'"));
	}

	@Test
	void aFirstPaymentIsAPaidConversionAndSoIsATrialsFirstPaidPeriod() {
		Plan plan = catalog.createPlan(BillingFixtures.newPlan());
		Plan trial = catalog.createPlan(BillingFixtures.newTrialPlan(7));
		double before = conversions();

		BillingFixtures.subscribedMember(members, checkouts, plan, BillingInterval.MONTH, SandboxCards.SUCCEEDS);
		SignedInMember trialing = BillingFixtures.registeredMember(members);
		assertThat(checkouts.checkout(new Checkout(trialing.id(), trialing.email(), trial.code(), BillingInterval.MONTH,
				UUID.randomUUID(), BillingFixtures.card(SandboxCards.SUCCEEDS))))
			.isInstanceOf(CheckoutOutcome.TrialStarted.class);
		double subscribed = conversions();
		long lastEvent = lastEventId();
		clock.advance(Duration.ofDays(8));
		run.runDue();

		assertThat(subscribed - before).as("the first payment; a trial is not paid yet").isEqualTo(1);
		assertThat(eventsSince(lastEvent, trialing, "renewed")).isEqualTo(1);
		assertThat(conversions() - subscribed).isEqualTo(trialsConvertedSince(lastEvent));
	}

	private double renewals(String outcome) {
		return meters.get("backstory.billing.renewals").tag("outcome", outcome).counter().count();
	}

	private double conversions() {
		return meters.get("backstory.billing.paid.conversions").counter().count();
	}

	private long lastEventId() {
		return jdbc.sql("select coalesce(max(id), 0) from billing.subscription_event").query(Long.class).single();
	}

	private long eventsSince(long lastEvent, String causes) {
		return jdbc
			.sql("select count(*) from billing.subscription_event where id > :last and cause in (" + causes + ")")
			.param("last", lastEvent)
			.query(Long.class)
			.single();
	}

	private long eventsSince(long lastEvent, SignedInMember member, String cause) {
		return jdbc
			.sql("""
					select count(*) from billing.subscription_event e join billing.subscription s on s.id = e.subscription_id
					where e.id > :last and e.cause = :cause and s.member_id = :member
					""")
			.param("last", lastEvent)
			.param("cause", cause)
			.param("member", member.id())
			.query(Long.class)
			.single();
	}

	private long trialsConvertedSince(long lastEvent) {
		return jdbc.sql("""
				select count(*) from billing.subscription_event
				where id > :last and cause = 'renewed' and from_status = 'trialing'
				""").param("last", lastEvent).query(Long.class).single();
	}

}
