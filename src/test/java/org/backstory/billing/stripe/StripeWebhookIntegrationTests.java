package org.backstory.billing.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.backstory.billing.stripe.StripeStandIn.id;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.backstory.billing.BillingFixtures;
import org.backstory.billing.BillingInterval;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.SubscriptionService;
import org.backstory.billing.card.CardService;
import org.backstory.billing.checkout.Checkout;
import org.backstory.billing.checkout.CheckoutOutcome;
import org.backstory.billing.checkout.CheckoutService;
import org.backstory.billing.payment.CardOnFile;
import org.backstory.billing.payment.CheckoutCard;
import org.backstory.billing.payment.StoredCard;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Stripe's webhooks over real HTTP with really signed payloads. */
@StripeGatewayTest
class StripeWebhookIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	CardService cards;

	@Autowired
	CheckoutService checkouts;

	@Autowired
	SubscriptionService subscriptions;

	@Autowired
	PlanCatalog catalog;

	@Autowired
	StripeEventProcessor processor;

	@Autowired
	JdbcClient jdbc;

	private final WireMockServer stripe = StripeStandIn.shared();

	private WebhookSender webhooks;

	private long member;

	private String card;

	@BeforeEach
	void setUp() {
		webhooks = new WebhookSender(port);
		member = BillingFixtures.newMemberId();
		card = id("pm");
		cards.fileCard(member, new StoredCard("cus_test_hooks", card, "Visa", "4242", 8, 2030));
	}

	private static long inAMoment() {
		return Instant.now().getEpochSecond() + 2;
	}

	private String cardUpdate(String eventId, int expMonth, int expYear) {
		return StripeStandIn.event(eventId, "payment_method.automatically_updated", inAMoment(),
				StripeStandIn.paymentMethod(card, "cus_test_hooks", "visa", "4242", expMonth, expYear));
	}

	private Optional<Map<String, Object>> storedEvent(String eventId) {
		return jdbc.sql("select attempts, processed_at, last_error from billing.stripe_event where id = :id")
			.param("id", eventId)
			.query()
			.listOfRows()
			.stream()
			.findFirst();
	}

	private void awaitProcessed(String eventId) {
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(storedEvent(eventId))
				.hasValueSatisfying(row -> assertThat(row.get("processed_at")).isNotNull()));
	}

	private CardOnFile cardOnFile() {
		return cards.cardOnFile(member).orElseThrow();
	}

	@Test
	void aSignedEventIsStoredAnsweredAndThenProcessed() {
		String eventId = id("evt");

		HttpResponse<String> response = webhooks.deliver(cardUpdate(eventId, 11, 2034));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("stored");
		assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
		awaitProcessed(eventId);
		assertThat(cardOnFile()).isEqualTo(new CardOnFile("Visa", "4242", 11, 2034));
		assertThat(storedEvent(eventId).orElseThrow()).containsEntry("attempts", 1).containsEntry("last_error", null);
	}

	@Test
	void anEventDeliveredAgainIsIgnored() {
		String eventId = id("evt");
		String payload = cardUpdate(eventId, 11, 2034);
		webhooks.deliver(payload);
		awaitProcessed(eventId);

		HttpResponse<String> again = webhooks.deliver(payload);

		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(again.body()).isEqualTo("duplicate");
		assertThat(storedEvent(eventId).orElseThrow()).containsEntry("attempts", 1);
		assertThat(jdbc.sql("select count(*) from billing.stripe_event where id = :id")
			.param("id", eventId)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aBadSignatureAStaleTimestampOrNoSignatureIsRejectedAndChangesNothing() {
		String eventId = id("evt");
		String payload = cardUpdate(eventId, 11, 2034);
		long now = Instant.now().getEpochSecond();

		HttpResponse<String> forged = webhooks.deliver(payload,
				StripeStandIn.signatureHeader(payload, now, "whsec_someone_else"));
		HttpResponse<String> stale = webhooks.deliver(payload, StripeStandIn.signatureHeader(payload,
				now - Duration.ofMinutes(6).toSeconds(), StripeStandIn.WEBHOOK_SECRET));
		HttpResponse<String> unsigned = webhooks.deliver(payload, null);
		HttpResponse<String> tampered = webhooks.deliver(payload.replace("2034", "2035"),
				StripeStandIn.signatureHeader(payload, now, StripeStandIn.WEBHOOK_SECRET));

		assertThat(forged.statusCode()).isEqualTo(400);
		assertThat(forged.body()).isEqualTo("signature does not match the payload");
		assertThat(stale.statusCode()).isEqualTo(400);
		assertThat(stale.body()).isEqualTo("timestamp is more than 5 minutes away from now");
		assertThat(unsigned.statusCode()).isEqualTo(400);
		assertThat(unsigned.body()).isEqualTo("missing Stripe-Signature header");
		assertThat(tampered.statusCode()).isEqualTo(400);
		processor.processDue();
		assertThat(storedEvent(eventId)).isEmpty();
		assertThat(cardOnFile()).isEqualTo(new CardOnFile("Visa", "4242", 8, 2030));
	}

	@Test
	void aSignedDeliveryThatIsNotAnEventIsRejected() {
		HttpResponse<String> response = webhooks.deliver("{\"hello\": \"world\"}");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).isEqualTo("not a Stripe event");
	}

	@Test
	void aSignedEventCreatedLaterThanAnyInstantIsRejectedNotA500() {
		HttpResponse<String> response = webhooks.deliver(StripeStandIn.event(id("evt"), "invoice.paid",
				99_999_999_999_999_999L, "{\"id\": \"in_test_far\", \"object\": \"invoice\"}"));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).isEqualTo("not a Stripe event");
	}

	@Test
	void anEventOfATypeWeDoNotHandleIsStoredAndMarkedProcessed() {
		String eventId = id("evt");

		HttpResponse<String> response = webhooks.deliver(StripeStandIn.event(eventId, "customer.updated", inAMoment(),
				StripeStandIn.customer("cus_test_hooks", "reader@example.test", member)));

		assertThat(response.statusCode()).isEqualTo(200);
		awaitProcessed(eventId);
	}

	@Test
	void anOlderCardUpdateDeliveredLateDoesNotUndoANewerOne() {
		String newer = id("evt");
		String older = id("evt");
		long at = inAMoment();
		webhooks.deliver(StripeStandIn.event(newer, "payment_method.updated", at + 60,
				StripeStandIn.paymentMethod(card, "cus_test_hooks", "visa", "4242", 12, 2035)));
		awaitProcessed(newer);

		webhooks.deliver(StripeStandIn.event(older, "payment_method.updated", at,
				StripeStandIn.paymentMethod(card, "cus_test_hooks", "visa", "4242", 10, 2033)));
		awaitProcessed(older);

		assertThat(cardOnFile()).isEqualTo(new CardOnFile("Visa", "4242", 12, 2035));
	}

	@Test
	void aDetachedCardLeavesTheFile() {
		String eventId = id("evt");

		webhooks.deliver(StripeStandIn.event(eventId, "payment_method.detached", inAMoment(),
				StripeStandIn.paymentMethod(card, null, "visa", "4242", 8, 2030)));

		awaitProcessed(eventId);
		assertThat(cards.cardOnFile(member)).isEmpty();
	}

	@Test
	void aPaymentWhoseAnswerWasLostIsSettledByItsEvent() {
		Plan plan = catalog.createPlan(BillingFixtures.newPlan());
		String customer = id("cus");
		String session = id("cs");
		String paymentMethod = id("pm");
		StripeStandIn.setupStarts(stripe, member, customer, session);
		StripeStandIn.completedSetup(stripe, session, member, customer,
				StripeStandIn.paymentMethod(paymentMethod, customer, "mastercard", "4444", 5, 2031));
		stripe.stubFor(post(urlPathEqualTo("/v1/payment_intents")).withFormParam("customer", matching(customer))
			.willReturn(StripeStandIn.serverError()));
		UUID attempt = UUID.randomUUID();
		assertThat(checkouts.startCardSetup(member, "reader@example.test", "http://localhost/checkout/p/hosted",
				"http://localhost/checkout/p"))
			.isPresent();
		CheckoutOutcome outcome = checkouts.checkout(new Checkout(member, "reader@example.test", plan.code(),
				BillingInterval.MONTH, attempt, new CheckoutCard.FromSetup(session)));
		assertThat(outcome).isInstanceOf(CheckoutOutcome.NotConfirmed.class);
		String eventId = id("evt");

		webhooks.deliver(StripeStandIn.event(eventId, "payment_intent.succeeded", inAMoment(),
				StripeStandIn.paymentIntent(id("pi"), "succeeded", 500, customer, paymentMethod,
						"checkout-" + member + "-" + attempt, "null")));

		awaitProcessed(eventId);
		assertThat(subscriptions.isSubscribed(member)).isTrue();
		assertThat(cardOnFile()).isEqualTo(new CardOnFile("Mastercard", "4444", 5, 2031));
	}

	@Test
	void aFailingEventIsTriedAgainUntilItIsProcessed() {
		String customer = id("cus");
		String session = id("cs");
		String paymentMethod = id("pm");
		StripeStandIn.setupStarts(stripe, member, customer, session);
		assertThat(cards.startCardSetup(member, "reader@example.test", "http://localhost/account/card/hosted",
				"http://localhost/account/card"))
			.isPresent();
		// Stripe is down the first time the event's card setup is read, and answers the
		// second time.
		stripe.stubFor(get(urlPathEqualTo("/v1/checkout/sessions/" + session)).inScenario(session)
			.whenScenarioStateIs(STARTED)
			.willReturn(StripeStandIn.serverError())
			.willSetStateTo("up"));
		stripe.stubFor(get(urlPathEqualTo("/v1/checkout/sessions/" + session)).inScenario(session)
			.whenScenarioStateIs("up")
			.willReturn(StripeStandIn.ok(StripeStandIn.setupSession(session, "complete", customer, member,
					StripeStandIn.setupIntent(id("seti"), "succeeded", customer,
							StripeStandIn.paymentMethod(paymentMethod, customer, "visa", "1881", 2, 2032))))));
		String eventId = id("evt");

		webhooks.deliver(StripeStandIn.event(eventId, "checkout.session.completed", inAMoment(),
				StripeStandIn.setupSession(session, "complete", customer, member, "\"" + id("seti") + "\"")));

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(storedEvent(eventId)).hasValueSatisfying(row -> {
				assertThat(row.get("processed_at")).isNotNull();
				assertThat(row.get("attempts")).isEqualTo(2);
				assertThat(row.get("last_error")).isNull();
			}));
		assertThat(cardOnFile()).isEqualTo(new CardOnFile("Visa", "1881", 2, 2032));
	}

}
