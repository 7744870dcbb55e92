package org.backstory.billing;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.backstory.OwnDatabase;
import org.backstory.billing.BillingArchive.ArchivedPayment;
import org.backstory.billing.BillingArchive.ArchivedSubscription;
import org.backstory.billing.card.CardService;
import org.backstory.billing.ledger.RevenueFigures;
import org.backstory.email.SentMail;
import org.backstory.members.SignedInMember;
import org.backstory.publishing.SettableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link BillingRestore} on a database of its own (a restore needs a publication without
 * subscriptions): a restored paid subscription comes without its card, so it is flagged,
 * and its renewal asks the member for a card and charges nothing until one is filed; the
 * invoice numbers go on after the restored ones; a restore into a publication with
 * subscriptions, or with a row billing refuses, writes nothing.
 */
@SpringBootTest(properties = "backstory.billing.renewal.run-every=1h")
@Import(SettableClock.Configuration.class)
@OwnDatabase("billing_restore")
class BillingRestoreIntegrationTests extends BillingClockTestSupport {

	@Autowired
	BillingRestore restore;

	@Autowired
	SubscriptionService subscriptions;

	@Autowired
	CardService cards;

	@Autowired
	MemberBillingQueries queries;

	@Autowired
	RevenueFigures revenue;

	private Plan plan;

	private SignedInMember member;

	@BeforeEach
	void newPlanAndMember() {
		plan = catalog.createPlan(BillingFixtures.newPlan());
		member = BillingFixtures.registeredMember(members);
	}

	@AfterEach
	void noBilling() {
		for (String table : List.of("refund", "sandbox_refund", "subscription_event", "plan_change", "gift", "payment",
				"card", "subscription")) {
			jdbc.sql("delete from billing." + table).update();
		}
	}

	@Test
	void aRestoredPaidSubscriptionAsksForACardAtRenewalAndChargesNothingUntilOneIsFiled() {
		Instant start = clock.instant().truncatedTo(ChronoUnit.MILLIS).minus(Duration.ofDays(20));
		Instant end = start.plus(Duration.ofDays(30));
		restore.restore(List.of(active(7001, start, end)), List.of(checkout(9001, 7001, start, end)), List.of());

		assertThat(queries.cardNeeded())
			.containsExactly(new MemberBillingQueries.CardNeeded(member.id(), BillingRestore.CARD_FROM, end, false));
		assertThat(revenue.mrr(clock.instant())).as("without history, the subscription counts from the restore")
			.containsExactly(new RevenueFigures.Amount(500, "USD"));

		clock.advance(Duration.ofDays(11));
		run.runDue();

		assertThat(payments()).as("nothing is charged without a card").containsExactly("checkout succeeded 41");
		assertThat(subscriptions.currentSubscription(member.id()).orElseThrow().status())
			.isEqualTo(SubscriptionStatus.PAST_DUE);
		SentMail mail = SentMail.lastTo(jdbc, member.email());
		assertThat(mail.subject()).isEqualTo("Add a card to keep your subscription");
		assertThat(mail.text()).contains("no card on file", "/account/card");

		cards.replaceCard(member.id(), member.email(), BillingFixtures.card(SandboxCards.SUCCEEDS));

		assertThat(subscriptions.currentSubscription(member.id()).orElseThrow().status())
			.isEqualTo(SubscriptionStatus.ACTIVE);
		assertThat(payments()).as("the invoice numbers go on after the restored ones")
			.containsExactly("checkout succeeded 41", "renewal succeeded 42");
		assertThat(queries.cardNeeded()).isEmpty();
	}

	@Test
	void aCanceledSubscriptionAndACompNeedNoCard() {
		Instant start = clock.instant().minus(Duration.ofDays(5));
		Instant end = clock.instant().plus(Duration.ofDays(25));
		ArchivedSubscription canceled = new ArchivedSubscription(7002, member.id(), plan.code(), plan.tier(), "month",
				500L, "USD", "canceled", false, true, start, end, null, start, null, null, null, null, null, start,
				start);
		long other = BillingFixtures.registeredMember(members).id();
		ArchivedSubscription comp = new ArchivedSubscription(7003, other, null, plan.tier(), null, null, null, "active",
				true, true, start, null, null, null, null, null, null, null, null, start, start);

		restore.restore(List.of(canceled, comp), List.of(), List.of());

		assertThat(queries.cardNeeded()).isEmpty();
		assertThat(subscriptions.currentSubscription(other).orElseThrow().comped()).isTrue();
	}

	@Test
	void aRestoreIntoAPublicationWithSubscriptionsIsRefusedAndWritesNothing() {
		BillingFixtures.subscribedMember(members, checkouts, plan, BillingInterval.MONTH, SandboxCards.SUCCEEDS);
		Instant start = clock.instant().minus(Duration.ofDays(1));

		assertThatThrownBy(() -> restore.restore(List.of(active(7004, start, start.plus(Duration.ofDays(30)))),
				List.of(), List.of()))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("already has subscriptions or payments");
		assertThat(subscriptions.currentSubscription(member.id())).isEmpty();
	}

	@Test
	void aRowBillingRefusesStopsTheWholeRestore() {
		Instant start = clock.instant().minus(Duration.ofDays(1));
		Instant end = start.plus(Duration.ofDays(30));
		ArchivedPayment pending = new ArchivedPayment(9005, member.id(), 7005L, "checkout", "pending", 500, 500, 0, 0,
				0, "USD", null, "sandbox", null, null, start, end, start, null, null);

		assertThatThrownBy(() -> restore.restore(List.of(active(7005, start, end)), List.of(pending), List.of()))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("a pending payment cannot be restored");
		assertThat(restore.existingRows()).isZero();
	}

	private ArchivedSubscription active(long id, Instant start, Instant end) {
		return new ArchivedSubscription(id, member.id(), plan.code(), plan.tier(), "month", 500L, "USD", "active",
				false, true, start, end, null, null, null, null, null, null, null, start, start);
	}

	private ArchivedPayment checkout(long id, long subscriptionId, Instant start, Instant end) {
		return new ArchivedPayment(id, member.id(), subscriptionId, "checkout", "succeeded", 500, 500, 0, 0, 0, "USD",
				41L, "sandbox", "ch_old_site", null, start, end, start, start, null);
	}

	/** The member's payments: purpose, status and invoice number. */
	private List<String> payments() {
		return jdbc.sql("""
				select purpose || ' ' || status || ' ' || coalesce(invoice_number::text, '-') from billing.payment
				where member_id = :m order by id""").param("m", member.id()).query(String.class).list();
	}

}
