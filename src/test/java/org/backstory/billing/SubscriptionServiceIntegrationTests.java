package org.backstory.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.backstory.billing.Entitlement.Status;
import org.backstory.billing.card.CardService;
import org.backstory.billing.checkout.Checkout;
import org.backstory.billing.checkout.CheckoutService;
import org.backstory.billing.payment.CardOnFile;
import org.backstory.billing.payment.StoredCard;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Imports, comps, and what {@link Entitlements} reports for each of them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SubscriptionServiceIntegrationTests {

	private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	@Autowired
	SubscriptionService subscriptions;

	@Autowired
	PlanCatalog catalog;

	@Autowired
	CardService cards;

	@Autowired
	Entitlements entitlements;

	@Autowired
	CheckoutService checkouts;

	@Autowired
	JdbcClient jdbc;

	private Plan plan;

	private long member;

	@BeforeEach
	void newPlanAndMember() {
		plan = catalog.createPlan(BillingFixtures.newPlan());
		member = BillingFixtures.newMemberId();
	}

	@Test
	void aMemberWhoNeverSubscribedIsEntitledToNothing() {
		assertThat(entitlements.of(member)).isEqualTo(Entitlement.none());
		assertThat(subscriptions.currentSubscription(member)).isEmpty();
		assertThat(subscriptions.isSubscribed(member)).isFalse();
	}

	@Test
	void anImportedActiveSubscriptionIsActiveWithItsCardOnFile() {
		Instant end = NOW.plus(Duration.ofDays(20));

		long id = subscriptions.importSubscription(imported(SubscriptionStatus.ACTIVE, end, null, SandboxCards.VISA));

		assertThat(entitlements.of(member)).isEqualTo(new Entitlement(Status.ACTIVE, "paid", end, null));
		assertThat(cards.cardOnFile(member)).contains(new CardOnFile("Visa", "4242", 12, 2034));
		assertThat(subscriptions.currentSubscription(member)).hasValueSatisfying(summary -> {
			assertThat(summary.id()).isEqualTo(id);
			assertThat(summary.planName()).isEqualTo(plan.name());
			assertThat(summary.price()).isEqualTo(500);
			assertThat(summary.interval()).isEqualTo(BillingInterval.MONTH);
		});
		assertThat(subscriptions.isSubscribed(member)).isTrue();
	}

	@Test
	void aLapsedImportIsPastDueSinceItsFailedChargeWithADecliningCard() {
		Instant failed = NOW.minus(Duration.ofDays(10));

		subscriptions
			.importSubscription(imported(SubscriptionStatus.PAST_DUE, failed, failed, SandboxCards.VISA_CHARGES_FAIL));

		assertThat(entitlements.of(member)).isEqualTo(new Entitlement(Status.PAST_DUE, "paid", failed, failed));
		assertThat(cards.cardOnFile(member)).contains(new CardOnFile("Visa", "0341", 12, 2034));
	}

	@ParameterizedTest
	@EnumSource(value = SubscriptionStatus.class, names = { "TRIALING", "ACTIVE", "CANCELED", "EXPIRED" })
	void eachImportedStatusIsReportedAsIs(SubscriptionStatus status) {
		Instant end = NOW.plus(Duration.ofDays(3));

		subscriptions.importSubscription(imported(status, end, null, null));

		assertThat(entitlements.of(member))
			.isEqualTo(new Entitlement(Status.valueOf(status.name()), "paid", end, null));
	}

	@Test
	void importingTheSameSubscriptionAgainReturnsIt() {
		ImportedSubscription imported = imported(SubscriptionStatus.ACTIVE, NOW.plus(Duration.ofDays(5)), null,
				SandboxCards.VISA);

		assertThat(subscriptions.importSubscription(imported)).isEqualTo(subscriptions.importSubscription(imported));
	}

	@Test
	void importingOverADifferentLiveSubscriptionIsRefused() {
		subscriptions.importSubscription(imported(SubscriptionStatus.ACTIVE, NOW.plus(Duration.ofDays(5)), null, null));

		assertThatIllegalStateException()
			.isThrownBy(() -> subscriptions
				.importSubscription(imported(SubscriptionStatus.CANCELED, NOW.plus(Duration.ofDays(5)), null, null)))
			.withMessageContaining("already has a active subscription");
	}

	@Test
	void impossibleImportsAreRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> imported(SubscriptionStatus.PAST_DUE, NOW.plus(Duration.ofDays(5)), null, null));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> imported(SubscriptionStatus.ACTIVE, NOW.plus(Duration.ofDays(5)), NOW, null));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> imported(SubscriptionStatus.INCOMPLETE, NOW.plus(Duration.ofDays(5)), null, null));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> subscriptions.importSubscription(new ImportedSubscription(member, "no-such-plan",
					BillingInterval.MONTH, SubscriptionStatus.ACTIVE, NOW, NOW.plusSeconds(60), null, null)));
	}

	@Test
	void aCompWithAnEndIsReportedAsCompedUntilThen() {
		Instant until = NOW.plus(Duration.ofDays(90));

		subscriptions.grantComp(member, "paid", until);

		assertThat(entitlements.of(member)).isEqualTo(new Entitlement(Status.COMPED, "paid", until, null));
	}

	@Test
	void aCompWithoutEndHasNoPaidThrough() {
		subscriptions.grantComp(member, "paid", null);

		assertThat(entitlements.of(member)).isEqualTo(new Entitlement(Status.COMPED, "paid", null, null));
	}

	@Test
	void grantingACompAgainChangesItsEnd() {
		long first = subscriptions.grantComp(member, "paid", null);
		Instant until = NOW.plus(Duration.ofDays(30));

		long second = subscriptions.grantComp(member, "paid", until);

		assertThat(second).isEqualTo(first);
		assertThat(entitlements.of(member).paidThrough()).isEqualTo(until);
	}

	@Test
	void aCompCannotReplaceAPaidSubscription() {
		subscriptions.importSubscription(imported(SubscriptionStatus.ACTIVE, NOW.plus(Duration.ofDays(5)), null, null));

		assertThatIllegalStateException().isThrownBy(() -> subscriptions.grantComp(member, "paid", null))
			.withMessageContaining("paid subscription");
	}

	@Test
	void aCompNeedsAKnownTierAndAFutureEnd() {
		assertThatIllegalArgumentException().isThrownBy(() -> subscriptions.grantComp(member, "no-such-tier", null));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> subscriptions.grantComp(member, "paid", NOW.minus(Duration.ofDays(1))));
	}

	@Test
	void aCompSetsAsideAnAbandonedCheckout() {
		checkouts.checkout(new Checkout(member, "m@billing.test", plan.code(), BillingInterval.MONTH, UUID.randomUUID(),
				BillingFixtures.card(SandboxCards.SUCCEEDS)));
		jdbc.sql(
				"update billing.subscription set status = 'incomplete', current_period_end = null where member_id = :m")
			.param("m", member)
			.update();

		subscriptions.grantComp(member, "paid", null);

		assertThat(entitlements.of(member).status()).isEqualTo(Status.COMPED);
	}

	private ImportedSubscription imported(SubscriptionStatus status, Instant end, @Nullable Instant pastDueSince,
			@Nullable StoredCard card) {
		return new ImportedSubscription(member, plan.code(), BillingInterval.MONTH, status,
				end.minus(Duration.ofDays(30)), end, pastDueSince, card);
	}

}
