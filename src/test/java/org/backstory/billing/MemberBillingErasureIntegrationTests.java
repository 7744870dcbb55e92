package org.backstory.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.backstory.billing.checkout.Checkout;
import org.backstory.billing.checkout.CheckoutOutcome;
import org.backstory.billing.checkout.CheckoutService;
import org.backstory.members.MemberDeleted;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MemberBillingErasureIntegrationTests {

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	CheckoutService checkouts;

	@Autowired
	PlanCatalog catalog;

	@Autowired
	Entitlements entitlements;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aDeletedMembersCardAndSubscriptionsGoWhilePaymentsStayAnonymous() {
		Plan plan = catalog.createPlan(BillingFixtures.newPlan());
		long member = BillingFixtures.newMemberId();
		CheckoutOutcome outcome = checkouts.checkout(new Checkout(member, "gone@billing.test", plan.code(),
				BillingInterval.MONTH, UUID.randomUUID(), BillingFixtures.card(SandboxCards.SUCCEEDS)));
		long subscription = ((CheckoutOutcome.Subscribed) outcome).subscriptionId();
		assertThat(entitlements.of(member).status()).isEqualTo(Entitlement.Status.ACTIVE);

		events.publishEvent(new MemberDeleted(member));
		events.publishEvent(new MemberDeleted(member));

		assertThat(entitlements.of(member)).isEqualTo(Entitlement.none());
		assertThat(count("select count(*) from billing.card where member_id = " + member)).isZero();
		assertThat(count("select count(*) from billing.subscription where member_id = " + member)).isZero();
		assertThat(count("select count(*) from billing.payment where subscription_id = " + subscription
				+ " and member_id is null and card_token is null and card_last4 is null and amount = 500"))
			.isEqualTo(1);
		assertThat(count("select count(*) from billing.subscription_event where subscription_id = " + subscription))
			.isEqualTo(2);
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

}
