package org.backstory.billing.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.UUID;

import org.backstory.billing.BillingFixtures;
import org.backstory.billing.SandboxCards;
import org.backstory.billing.payment.CardDetails;
import org.backstory.billing.payment.PaymentGateway.CardAttachment;
import org.backstory.billing.payment.PaymentGateway.ChargeResult;
import org.backstory.billing.payment.PaymentGateway;
import org.backstory.billing.payment.PaymentGatewayException;
import org.backstory.billing.payment.StoredCard;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SandboxPaymentGatewayIntegrationTests {

	@Autowired
	PaymentGateway gateway;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theSandboxIsTheDefaultGateway() {
		assertThat(gateway.name()).isEqualTo("sandbox");
	}

	@Test
	void theSucceedingTestCardIsAttachedAndEveryChargeSucceeds() {
		StoredCard card = attach(SandboxCards.SUCCEEDS);

		assertThat(card.brand()).isEqualTo("Visa");
		assertThat(card.last4()).isEqualTo("4242");
		assertThat(card.expMonth()).isEqualTo(BillingFixtures.futureExpiry().getMonthValue());
		assertThat(card.token()).startsWith("pm_sandbox_").doesNotContain(SandboxCards.SUCCEEDS);
		assertThat(charge(card)).isInstanceOf(ChargeResult.Succeeded.class);
		assertThat(charge(card)).isInstanceOf(ChargeResult.Succeeded.class);
		assertThat(charge(card)).isInstanceOf(ChargeResult.Succeeded.class);
	}

	@Test
	void theDeclinedTestCardIsDeclinedWhenAttached() {
		CardAttachment attachment = gateway.attachCard(request(BillingFixtures.card(SandboxCards.DECLINED)));

		assertThat(attachment).isEqualTo(new CardAttachment.Declined("card_declined", "Your card was declined."));
	}

	@Test
	void theFirstChargeOnlyTestCardIsAttachedChargedOnceThenDeclined() {
		StoredCard card = attach(SandboxCards.FIRST_CHARGE_ONLY);

		assertThat(card.last4()).isEqualTo("0341");
		assertThat(charge(card)).isInstanceOf(ChargeResult.Succeeded.class);
		assertThat(charge(card)).isInstanceOfSatisfying(ChargeResult.Declined.class,
				declined -> assertThat(declined.message()).isEqualTo("Your card was declined."));
		assertThat(charge(card)).isInstanceOf(ChargeResult.Declined.class);
	}

	@Test
	void anyOtherValidNumberIsDeclinedWithAPointerToTheTestCards() {
		CardAttachment attachment = gateway.attachCard(request(BillingFixtures.card("5555555555554444")));

		assertThat(attachment).isInstanceOfSatisfying(CardAttachment.Declined.class,
				declined -> assertThat(declined.message()).contains("Use a sandbox test card")
					.contains("4242 4242 4242 4242"));
	}

	@Test
	void aNumberFailingTheLuhnCheckIsDeclined() {
		assertThat(gateway.attachCard(request(BillingFixtures.card("4242424242424241"))))
			.isEqualTo(new CardAttachment.Declined("incorrect_number", "Your card number is incorrect."));
	}

	@Test
	void anExpiredCardIsDeclined() {
		CardDetails expired = new CardDetails(SandboxCards.SUCCEEDS, 1, 2020, "123", "Ada");

		assertThat(gateway.attachCard(request(expired)))
			.isEqualTo(new CardAttachment.Declined("expired_card", "Your card has expired."));
	}

	@Test
	void aMalformedCvcIsDeclined() {
		CardDetails card = BillingFixtures.card(SandboxCards.SUCCEEDS);
		CardDetails badCvc = new CardDetails(card.number(), card.expMonth(), card.expYear(), "12", card.nameOnCard());

		assertThat(gateway.attachCard(request(badCvc))).isInstanceOfSatisfying(CardAttachment.Declined.class,
				declined -> assertThat(declined.code()).isEqualTo("incorrect_cvc"));
	}

	@Test
	void aRepeatedIdempotencyKeyReturnsTheFirstAnswerWithoutChargingAgain() {
		StoredCard card = attach(SandboxCards.FIRST_CHARGE_ONLY);
		PaymentGateway.Charge charge = new PaymentGateway.Charge(card.customerId(), card.token(), 500, "USD",
				"test-" + UUID.randomUUID(), "test");

		ChargeResult first = gateway.charge(charge);
		ChargeResult again = gateway.charge(charge);

		assertThat(first).isInstanceOf(ChargeResult.Succeeded.class);
		assertThat(again).isEqualTo(first);
		assertThat(jdbc.sql("select count(*) from billing.sandbox_charge where idempotency_key = :key")
			.param("key", charge.idempotencyKey())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aKeyReusedForADifferentChargeIsRefused() {
		StoredCard card = attach(SandboxCards.SUCCEEDS);
		String key = "test-" + UUID.randomUUID();
		gateway.charge(new PaymentGateway.Charge(card.customerId(), card.token(), 500, "USD", key, "test"));

		assertThatExceptionOfType(PaymentGatewayException.class).isThrownBy(() -> gateway
			.charge(new PaymentGateway.Charge(card.customerId(), card.token(), 999, "USD", key, "test")));
	}

	@Test
	void theReadyMadeStoredCardsBehaveAsDocumented() {
		assertThat(charge(SandboxCards.VISA)).isInstanceOf(ChargeResult.Succeeded.class);
		assertThat(charge(SandboxCards.VISA_CHARGES_FAIL)).isInstanceOf(ChargeResult.Declined.class);
		assertThat(charge(SandboxCards.VISA_CHARGES_FAIL)).isInstanceOf(ChargeResult.Declined.class);
	}

	@Test
	void anUnknownTokenIsDeclined() {
		StoredCard unknown = new StoredCard(null, "pm_sandbox_nothing", "Visa", "4242", 1, 2040);

		assertThat(charge(unknown)).isInstanceOfSatisfying(ChargeResult.Declined.class,
				declined -> assertThat(declined.code()).isEqualTo("card_not_found"));
	}

	@Test
	void cardBehaviourIsKeptInTheDatabaseWithoutTheNumber() {
		StoredCard card = attach(SandboxCards.FIRST_CHARGE_ONLY);

		assertThat(jdbc.sql("select behaviour from billing.sandbox_card where token = :token")
			.param("token", card.token())
			.query(String.class)
			.single()).isEqualTo("first_charge_only");
	}

	private StoredCard attach(String number) {
		CardAttachment attachment = gateway.attachCard(request(BillingFixtures.card(number)));
		assertThat(attachment).isInstanceOf(CardAttachment.Attached.class);
		return ((CardAttachment.Attached) attachment).card();
	}

	private ChargeResult charge(StoredCard card) {
		return gateway.charge(new PaymentGateway.Charge(card.customerId(), card.token(), 500, "USD",
				"test-" + UUID.randomUUID(), "test charge"));
	}

	private static PaymentGateway.AttachCard request(CardDetails card) {
		long member = BillingFixtures.newMemberId();
		return new PaymentGateway.AttachCard(member, "m" + member + "@billing.test", null, card);
	}

}
