package org.backstory.billing.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.backstory.billing.stripe.StripeStandIn.declinedAnswer;
import static org.backstory.billing.stripe.StripeStandIn.errorAnswer;
import static org.backstory.billing.stripe.StripeStandIn.json;
import static org.backstory.billing.stripe.StripeStandIn.ok;
import static org.backstory.billing.stripe.StripeStandIn.paymentIntent;

import java.util.List;
import java.util.Optional;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import org.backstory.billing.BillingFixtures;
import org.backstory.billing.payment.GatewayRefund;
import org.backstory.billing.payment.PaymentGateway.CardAttachment;
import org.backstory.billing.payment.PaymentGateway.ChargeResult;
import org.backstory.billing.payment.PaymentGateway.RefundResult;
import org.backstory.billing.payment.PaymentGateway;
import org.backstory.billing.payment.PaymentGatewayException;
import org.backstory.billing.payment.StoredCard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Stripe gateway against a local stand-in answering as Stripe's API reference
 * documents.
 */
class StripePaymentGatewayTests {

	private static final WireMockServer stripeApi = new WireMockServer(options().dynamicPort());

	private StripePaymentGateway gateway;

	@BeforeAll
	static void start() {
		stripeApi.start();
	}

	@AfterAll
	static void stop() {
		stripeApi.stop();
	}

	@BeforeEach
	void setUp() {
		stripeApi.resetAll();
		StripeProperties properties = new StripeProperties(StripeStandIn.SECRET_KEY, null, stripeApi.baseUrl(),
				"pk_test_standin", StripeStandIn.JS_URL);
		gateway = new StripePaymentGateway(StripeConfiguration.client(properties, 0), properties);
	}

	private static PaymentGateway.Charge charge(String key) {
		return new PaymentGateway.Charge("cus_test_ada", "pm_test_visa", 500, "USD", key, "Subscription 7");
	}

	@Test
	void chargeConfirmsAnOffSessionPaymentIntentWithOurIdempotencyKey() {
		stripeApi.stubFor(post(urlPathEqualTo("/v1/payment_intents")).willReturn(ok(paymentIntent("pi_test_paid",
				"succeeded", 500, "cus_test_ada", "pm_test_visa", "renewal-7-1", "null"))));

		ChargeResult result = gateway.charge(charge("renewal-7-1"));

		assertThat(result).isEqualTo(new ChargeResult.Succeeded("pi_test_paid"));
		stripeApi.verify(1,
				postRequestedFor(urlPathEqualTo("/v1/payment_intents"))
					.withHeader("Idempotency-Key", equalTo("renewal-7-1"))
					.withHeader("Authorization", equalTo("Bearer " + StripeStandIn.SECRET_KEY))
					.withFormParam("amount", equalTo("500"))
					.withFormParam("currency", equalTo("usd"))
					.withFormParam("customer", equalTo("cus_test_ada"))
					.withFormParam("payment_method", equalTo("pm_test_visa"))
					.withFormParam("off_session", equalTo("true"))
					.withFormParam("confirm", equalTo("true"))
					.withFormParam("payment_method_types[0]", equalTo("card"))
					.withFormParam("metadata[backstory_idempotency_key]", equalTo("renewal-7-1")));
	}

	@Test
	void aDeclinedCardIsADeclineWithASentenceForTheMember() {
		stripeApi.stubFor(post(urlPathEqualTo("/v1/payment_intents"))
			.willReturn(json(402, declinedAnswer("pi_test_declined", 500, "cus_test_ada", "pm_test_visa", "k-declined",
					"insufficient_funds", "Your card has insufficient funds."))));

		ChargeResult result = gateway.charge(charge("k-declined"));

		assertThat(result).isEqualTo(new ChargeResult.Declined("pi_test_declined", "insufficient_funds",
				"Your card has insufficient funds."));
	}

	@Test
	void aChargeThatNeedsTheMemberToAuthenticateIsADecline() {
		stripeApi.stubFor(post(urlPathEqualTo("/v1/payment_intents")).willReturn(ok(paymentIntent("pi_test_sca",
				"requires_action", 500, "cus_test_ada", "pm_test_visa", "k-sca", "null"))));

		ChargeResult result = gateway.charge(charge("k-sca"));

		assertThat(result).isInstanceOfSatisfying(ChargeResult.Declined.class, declined -> {
			assertThat(declined.chargeId()).isEqualTo("pi_test_sca");
			assertThat(declined.code()).isEqualTo("authentication_required");
			assertThat(declined.message()).contains("Your bank asked to confirm this payment");
		});
	}

	@Test
	void aPaymentIntentLeftWithoutPaymentMethodIsADeclineWithItsReason() {
		stripeApi.stubFor(post(urlPathEqualTo("/v1/payment_intents")).willReturn(ok(paymentIntent("pi_test_failed",
				"requires_payment_method", 500, "cus_test_ada", "pm_test_visa", "k-failed",
				StripeStandIn.cardError("expired_card", "expired_card", "Your card has expired.")))));

		assertThat(gateway.charge(charge("k-failed"))).isEqualTo(new ChargeResult.Declined("pi_test_failed",
				"expired_card", "Your card has expired. Please update your card."));
	}

	@Test
	void aCardStripeNoLongerHasIsADecline() {
		stripeApi.stubFor(
				post(urlPathEqualTo("/v1/payment_intents")).willReturn(json(400, errorAnswer("invalid_request_error",
						"resource_missing", "payment_method", "No such PaymentMethod: 'pm_test_visa'"))));

		assertThat(gateway.charge(charge("k-missing"))).isInstanceOfSatisfying(ChargeResult.Declined.class,
				declined -> assertThat(declined.code()).isEqualTo("card_not_found"));
	}

	@Test
	void aServerErrorLeavesTheOutcomeUnknown() {
		stripeApi.stubFor(post(urlPathEqualTo("/v1/payment_intents"))
			.willReturn(json(500, errorAnswer("api_error", null, null, "An unknown error occurred"))));

		assertThatExceptionOfType(PaymentGatewayException.class).isThrownBy(() -> gateway.charge(charge("k-500")));
	}

	@Test
	void aRateLimitLeavesTheOutcomeUnknown() {
		stripeApi.stubFor(
				post(urlPathEqualTo("/v1/payment_intents")).willReturn(json(429, errorAnswer("invalid_request_error",
						"rate_limit", null, "Too many requests hit the API too quickly."))));

		assertThatExceptionOfType(PaymentGatewayException.class).isThrownBy(() -> gateway.charge(charge("k-429")));
	}

	@Test
	void aBrokenConnectionLeavesTheOutcomeUnknown() {
		stripeApi.stubFor(post(urlPathEqualTo("/v1/payment_intents"))
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		assertThatExceptionOfType(PaymentGatewayException.class).isThrownBy(() -> gateway.charge(charge("k-reset")));
	}

	@Test
	void aPaymentStillProcessingLeavesTheOutcomeUnknown() {
		stripeApi.stubFor(post(urlPathEqualTo("/v1/payment_intents")).willReturn(ok(
				paymentIntent("pi_test_slow", "processing", 500, "cus_test_ada", "pm_test_visa", "k-slow", "null"))));

		assertThatExceptionOfType(PaymentGatewayException.class).isThrownBy(() -> gateway.charge(charge("k-slow")));
	}

	@Test
	void aRefundRefundsThePaymentIntentWithOurIdempotencyKey() {
		stripeApi.stubFor(post(urlPathEqualTo("/v1/refunds"))
			.willReturn(ok(StripeStandIn.refund("re_test_back", "pi_test_paid", 200, "succeeded", "refund-3"))));

		RefundResult result = gateway.refund(new PaymentGateway.Refund("pi_test_paid", 200, "USD", "refund-3"));

		assertThat(result).isEqualTo(new RefundResult.Refunded("re_test_back"));
		stripeApi.verify(1,
				postRequestedFor(urlPathEqualTo("/v1/refunds")).withHeader("Idempotency-Key", equalTo("refund-3"))
					.withFormParam("payment_intent", equalTo("pi_test_paid"))
					.withFormParam("amount", equalTo("200"))
					.withFormParam("metadata[backstory_idempotency_key]", equalTo("refund-3")));
	}

	@Test
	void aRefundStripeRefusesIsRefusedWithItsReason() {
		stripeApi.stubFor(post(urlPathEqualTo("/v1/refunds")).willReturn(json(400, errorAnswer("invalid_request_error",
				"charge_already_refunded", null, "Charge ch_test_paid has already been refunded."))));

		RefundResult result = gateway.refund(new PaymentGateway.Refund("pi_test_paid", 200, "USD", "refund-4"));

		assertThat(result).isEqualTo(
				new RefundResult.Refused("charge_already_refunded", "Charge ch_test_paid has already been refunded."));
	}

	@Test
	void aCardSetupCreatesTheCustomerAndASetupModeCheckoutSession() {
		long member = BillingFixtures.newMemberId();
		StripeStandIn.setupStarts(stripeApi, member, "cus_test_new", "cs_test_setup");

		PaymentGateway.HostedCardSetup setup = gateway
			.startCardSetup(new PaymentGateway.CardSetup(member, "ada@example.test", null,
					"https://news.example/account/card/hosted", "https://news.example/account/card"));

		assertThat(setup).isEqualTo(new PaymentGateway.HostedCardSetup("cs_test_setup", "cus_test_new",
				"https://checkout.stripe.com/c/pay/cs_test_setup"));
		stripeApi.verify(1,
				postRequestedFor(urlPathEqualTo("/v1/customers")).withFormParam("email", equalTo("ada@example.test")));
		stripeApi.verify(1,
				postRequestedFor(urlPathEqualTo("/v1/checkout/sessions")).withFormParam("mode", equalTo("setup"))
					.withFormParam("customer", equalTo("cus_test_new"))
					.withFormParam("payment_method_types[0]", equalTo("card"))
					.withFormParam("success_url",
							equalTo("https://news.example/account/card/hosted?setup_id={CHECKOUT_SESSION_ID}"))
					.withFormParam("cancel_url", equalTo("https://news.example/account/card"))
					.withFormParam("client_reference_id", equalTo(Long.toString(member)))
					.withFormParam("setup_intent_data[metadata][backstory_member_id]", equalTo(Long.toString(member))));
	}

	@Test
	void aCardSetupReusesTheMembersCustomer() {
		long member = BillingFixtures.newMemberId();
		StripeStandIn.setupStarts(stripeApi, member, "cus_test_known", "cs_test_again");

		gateway.startCardSetup(new PaymentGateway.CardSetup(member, "ada@example.test", "cus_test_known",
				"https://news.example/checkout/p/hosted?attempt=a", "https://news.example/checkout/p"));

		stripeApi.verify(0, postRequestedFor(urlPathEqualTo("/v1/customers")));
		stripeApi.verify(postRequestedFor(urlPathEqualTo("/v1/checkout/sessions"))
			.withFormParam("customer", equalTo("cus_test_known"))
			.withFormParam("success_url",
					equalTo("https://news.example/checkout/p/hosted?attempt=a&setup_id={CHECKOUT_SESSION_ID}")));
	}

	@Test
	void aFinishedSetupGivesTheCardItsSetupIntentSaved() {
		long member = BillingFixtures.newMemberId();
		StripeStandIn.completedSetup(stripeApi, "cs_test_done", member, "cus_test_ada",
				StripeStandIn.paymentMethod("pm_test_amex", "cus_test_ada", "amex", "0005", 8, 2031));

		CardAttachment attachment = gateway.finishCardSetup("cs_test_done", member);

		assertThat(attachment).isEqualTo(new CardAttachment.Attached(
				new StoredCard("cus_test_ada", "pm_test_amex", "American Express", "0005", 8, 2031)));
		stripeApi.verify(getRequestedFor(urlPathEqualTo("/v1/checkout/sessions/cs_test_done"))
			.withQueryParam("expand[0]", equalTo("setup_intent.payment_method")));
	}

	@Test
	void aSetupTheMemberDidNotFinishIsDeclined() {
		long member = BillingFixtures.newMemberId();
		stripeApi.stubFor(get(urlPathEqualTo("/v1/checkout/sessions/cs_test_open")).willReturn(
				ok(StripeStandIn.setupSession("cs_test_open", "open", "cus_test_ada", member, "\"seti_test_open\""))));

		assertThat(gateway.finishCardSetup("cs_test_open", member)).isInstanceOfSatisfying(
				CardAttachment.Declined.class, declined -> assertThat(declined.code()).isEqualTo("setup_incomplete"));
	}

	@Test
	void anotherMembersSetupIsNotFinished() {
		long member = BillingFixtures.newMemberId();
		StripeStandIn.completedSetup(stripeApi, "cs_test_theirs", member, "cus_test_ada",
				StripeStandIn.paymentMethod("pm_test_theirs", "cus_test_ada", "visa", "4242", 8, 2031));

		assertThat(gateway.finishCardSetup("cs_test_theirs", member + 1)).isInstanceOfSatisfying(
				CardAttachment.Declined.class, declined -> assertThat(declined.code()).isEqualTo("setup_not_found"));
	}

	@Test
	void aSetupWhoseCardWasDetachedSinceIsDeclined() {
		long member = BillingFixtures.newMemberId();
		StripeStandIn.completedSetup(stripeApi, "cs_test_detached", member, "cus_test_ada",
				StripeStandIn.paymentMethod("pm_test_gone", null, "visa", "4242", 8, 2031));

		assertThat(gateway.finishCardSetup("cs_test_detached", member)).isInstanceOfSatisfying(
				CardAttachment.Declined.class, declined -> assertThat(declined.code()).isEqualTo("card_not_found"));
	}

	@Test
	void aSetupStripeDoesNotKnowIsDeclinedAndAnOutageIsUnknown() {
		stripeApi.stubFor(get(urlPathEqualTo("/v1/checkout/sessions/cs_test_unknown")).willReturn(json(404,
				errorAnswer("invalid_request_error", "resource_missing", "session", "No such checkout.session"))));
		stripeApi.stubFor(get(urlPathEqualTo("/v1/checkout/sessions/cs_test_down"))
			.willReturn(json(503, errorAnswer("api_error", null, null, "Service unavailable"))));

		assertThat(gateway.finishCardSetup("cs_test_unknown", 1)).isInstanceOf(CardAttachment.Declined.class);
		assertThatExceptionOfType(PaymentGatewayException.class)
			.isThrownBy(() -> gateway.finishCardSetup("cs_test_down", 1));
	}

	@Test
	void cardNumbersAreNeverSentToStripe() {
		PaymentGateway.AttachCard typed = new PaymentGateway.AttachCard(1, "ada@example.test", null,
				BillingFixtures.card("4242424242424242"));

		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> gateway.attachCard(typed));
		assertThat(gateway.cardEntry()).isEqualTo(PaymentGateway.CardEntry.HOSTED_PAGE);
		assertThat(stripeApi.getAllServeEvents()).isEmpty();
	}

	@Test
	void webhookLookupsReadTheKeyAndTheRefundsOfAPaymentIntent() {
		stripeApi
			.stubFor(get(urlPathEqualTo("/v1/payment_intents/pi_test_ours")).willReturn(ok(paymentIntent("pi_test_ours",
					"succeeded", 500, "cus_test_ada", "pm_test_visa", "checkout-9-x", "null"))));
		stripeApi.stubFor(get(urlPathEqualTo("/v1/refunds")).withQueryParam("payment_intent", equalTo("pi_test_ours"))
			.willReturn(ok("""
					{"object": "list", "url": "/v1/refunds", "has_more": false, "data": [%s, %s]}
					""".formatted(StripeStandIn.refund("re_test_1", "pi_test_ours", 100, "succeeded", null),
					StripeStandIn.refund("re_test_2", "pi_test_ours", 50, "failed", "refund-9")))));

		StripeReader reader = new StripeReader(StripeConfiguration.client(
				new StripeProperties(StripeStandIn.SECRET_KEY, null, stripeApi.baseUrl(), null, StripeStandIn.JS_URL),
				0));

		assertThat(reader.idempotencyKeyOf("pi_test_ours")).isEqualTo(Optional.of("checkout-9-x"));
		assertThat(reader.refundsOf("pi_test_ours"))
			.isEqualTo(List.of(new GatewayRefund("re_test_1", 100, null, null)));
		stripeApi.verify(getRequestedFor(urlPathEqualTo("/v1/refunds")).withQueryParam("limit", matching("100")));
	}

}
