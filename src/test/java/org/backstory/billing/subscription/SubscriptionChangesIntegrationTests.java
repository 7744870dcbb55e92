package org.backstory.billing.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.backstory.OwnDatabase;
import org.backstory.billing.BillingClockTestSupport;
import org.backstory.billing.BillingEntry;
import org.backstory.billing.BillingFixtures;
import org.backstory.billing.BillingInterval;
import org.backstory.billing.PaymentRecord;
import org.backstory.billing.Plan;
import org.backstory.billing.Receipts;
import org.backstory.billing.SandboxCards;
import org.backstory.billing.SubscriptionService;
import org.backstory.billing.SubscriptionStatus;
import org.backstory.billing.SubscriptionSummary;
import org.backstory.billing.payment.RefundOutcome;
import org.backstory.billing.payment.Refunds;
import org.backstory.email.Await;
import org.backstory.members.SignedInMember;
import org.backstory.publishing.SettableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.support.TransactionTemplate;

/** Cancelling, resuming, and staff cancellations with refunds, over simulated weeks. */
@SpringBootTest(properties = "backstory.billing.renewal.run-every=1h")
@Import(SettableClock.Configuration.class)
@OwnDatabase("billing_changes")
class SubscriptionChangesIntegrationTests extends BillingClockTestSupport {

	@Autowired
	SubscriptionChanges changes;

	@Autowired
	Refunds refunds;

	@Autowired
	SubscriptionService subscriptions;

	@Autowired
	Receipts receipts;

	@Autowired
	TransactionTemplate transactions;

	private Plan plan;

	@BeforeEach
	void newPlan() {
		plan = catalog.createPlan(BillingFixtures.newPlan());
	}

	@Test
	void aCanceledSubscriptionRunsToItsPeriodEndCanBeResumedAndCannotBeCanceledTwice() {
		SignedInMember member = subscribed(BillingInterval.MONTH, SandboxCards.SUCCEEDS);

		SubscriptionSummary canceled = changes.cancel(member.id());

		assertThat(canceled.status()).isEqualTo(SubscriptionStatus.CANCELED);
		assertThatThrownBy(() -> changes.cancel(member.id())).isInstanceOf(SubscriptionChangeRefused.class)
			.hasMessage("Your subscription is already canceled.");
		assertThat(changes.resume(member.id()).status()).isEqualTo(SubscriptionStatus.ACTIVE);
		assertThatThrownBy(() -> changes.resume(member.id())).hasMessage("Your subscription is not canceled.");

		changes.cancel(member.id());
		clock.advance(Duration.ofDays(32));
		run.runDue();
		assertThat(subscriptions.currentSubscription(member.id()).orElseThrow().status())
			.isEqualTo(SubscriptionStatus.EXPIRED);
		assertThat(payments(member.id())).hasSize(1);
		assertThatThrownBy(() -> changes.resume(member.id())).hasMessage("You don't have a subscription.");
	}

	@Test
	void staffCancelNowRefundsTheUnusedShareOnceAndRefundsNeverExceedThePayment() {
		SignedInMember member = subscribed(BillingInterval.YEAR, SandboxCards.SUCCEEDS);
		SubscriptionSummary before = subscriptions.currentSubscription(member.id()).orElseThrow();
		clock.advance(Duration.between(before.currentPeriodStart(), before.currentPeriodEnd()).dividedBy(4));

		RefundOutcome outcome = changes.cancelNow(7, member.id(), true).orElseThrow();

		assertThat(subscriptions.currentSubscription(member.id()).orElseThrow().status())
			.isEqualTo(SubscriptionStatus.EXPIRED);
		assertThat(outcome).isInstanceOf(RefundOutcome.Refunded.class);
		long refunded = ((RefundOutcome.Refunded) outcome).amount();
		assertThat(refunded).isBetween(3740L, 3750L);
		PaymentRecord payment = payments(member.id()).get(0);
		assertThat(payment.refundedAmount()).isEqualTo(refunded);

		String attempt = UUID.randomUUID().toString();
		assertThat(refunds.refund(7, payment.id(), payment.refundable() + 1, "too much", attempt))
			.isEqualTo(new RefundOutcome.Refused("A refund must be more than nothing and at most $"
					+ String.format("%.2f", payment.refundable() / 100.0) + "."));
		assertThat(refunds.refund(7, payment.id(), 100, "goodwill", attempt))
			.isInstanceOf(RefundOutcome.Refunded.class);
		assertThat(refunds.refund(7, payment.id(), 100, "goodwill", attempt))
			.isInstanceOf(RefundOutcome.Refunded.class);
		assertThat(payments(member.id()).get(0).refundedAmount()).isEqualTo(refunded + 100);
		assertThat(jdbc.sql(
				"select count(*) from billing.sandbox_refund where charge_id = (select gateway_charge_id from billing.payment where id = :id)")
			.param("id", payment.id())
			.query(Long.class)
			.single()).isEqualTo(2);
		assertThatThrownBy(() -> changes.cancel(member.id())).hasMessage("You don't have a subscription.");
	}

	@Test
	void twoRequestsWithOneKeyAtOnceRefundOnceAndBothAreAnswered() throws Exception {
		SignedInMember member = subscribed(BillingInterval.YEAR, SandboxCards.SUCCEEDS);
		PaymentRecord payment = payments(member.id()).get(0);
		String attempt = UUID.randomUUID().toString();
		ExecutorService requests = Executors.newFixedThreadPool(2);
		try {
			// Both requests start while the payment's row is locked here, so both wait
			// for
			// the lock at the same point: a double submit at its worst.
			List<Future<RefundOutcome>> answers = transactions.execute(status -> {
				jdbc.sql("select id from billing.payment where id = :id for update")
					.param("id", payment.id())
					.query(Long.class)
					.single();
				List<Future<RefundOutcome>> submitted = List.of(
						requests.submit(() -> refunds.refund(7, payment.id(), 100, "double submit", attempt)),
						requests.submit(() -> refunds.refund(7, payment.id(), 100, "double submit", attempt)));
				Await.until("both requests wait for the payment's lock", () -> waitingForLocks() == 2);
				return submitted;
			});
			for (Future<RefundOutcome> answer : answers) {
				assertThat(answer.get(30, TimeUnit.SECONDS)).isInstanceOf(RefundOutcome.Refunded.class);
			}
		}
		finally {
			requests.shutdownNow();
		}
		assertThat(jdbc.sql("select count(*) from billing.refund where payment_id = :id and reason = 'double submit'")
			.param("id", payment.id())
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(payments(member.id()).get(0).refundedAmount()).isEqualTo(100);
	}

	/**
	 * Sessions of this database waiting for a row lock. Inside a transaction PostgreSQL
	 * reads pg_stat_activity once and keeps it, so the snapshot is cleared first.
	 */
	private long waitingForLocks() {
		jdbc.sql("select pg_stat_clear_snapshot()").query((rs, row) -> row).list();
		return jdbc.sql("""
				select count(*) from pg_stat_activity
				where wait_event_type = 'Lock' and query like '%for update%' and datname = current_database()
				""").query(Long.class).single();
	}

	private List<PaymentRecord> payments(long memberId) {
		return receipts.history(memberId).stream().map(BillingEntry::payment).toList();
	}

	private SignedInMember subscribed(BillingInterval interval, String card) {
		return BillingFixtures.subscribedMember(members, checkouts, plan, interval, card);
	}

}
