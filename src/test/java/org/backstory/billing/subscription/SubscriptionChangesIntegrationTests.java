package org.backstory.billing.subscription;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

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
import org.backstory.members.SignedInMember;
import org.backstory.publishing.SettableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

	private List<PaymentRecord> payments(long memberId) {
		return receipts.history(memberId).stream().map(BillingEntry::payment).toList();
	}

	private SignedInMember subscribed(BillingInterval interval, String card) {
		return BillingFixtures.subscribedMember(members, checkouts, plan, interval, card);
	}

}
