package org.backstory.billing.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.backstory.billing.stripe.StripeStandIn.id;

import java.util.LinkedHashMap;
import java.util.Map;

import org.backstory.Visitor;
import org.backstory.billing.BillingFixtures;
import org.backstory.billing.Plan;
import org.backstory.billing.SubscriptionService;
import org.backstory.billing.card.CardChange;
import org.backstory.billing.card.GatewayEvents;
import org.backstory.billing.payment.CardOnFile;
import org.backstory.billing.payment.StoredCard;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Checkout and card updates with Stripe as the gateway, over real HTTP: the member is
 * sent to Stripe's page for the card, and paying (or filing the card) happens when they
 * come back.
 */
@StripeGatewayTest
class StripeCheckoutIntegrationTests extends StripeCardTestSupport {

	@Autowired
	SubscriptionService subscriptions;

	@Autowired
	GatewayEvents gatewayEvents;

	@Override
	String readerName() {
		return "stripe";
	}

	private void paymentIntentsAnswer(String body, int status) {
		stripe.stubFor(post(urlPathEqualTo("/v1/payment_intents")).withFormParam("customer", equalTo(customer))
			.willReturn(StripeStandIn.json(status, body)));
	}

	@Test
	void checkoutSendsTheMemberToStripeForTheCardAndChargesOnceWhenTheyComeBack() {
		Plan plan = catalog.createPlan(BillingFixtures.newPlan());
		String checkout = "/checkout/" + plan.code() + "?interval=month&next=/p/a-story";
		Document form = visitor.get(checkout).document();
		assertThat(form.select("input[name=cardNumber]")).isEmpty();
		assertThat(form.select("form[action=/checkout/" + plan.code() + "/hosted] button").text())
			.isEqualTo("Continue to secure payment page");

		Visitor.Page toStripe = visitor.submit(checkout, "/checkout/" + plan.code() + "/hosted", Map.of());

		assertThat(toStripe.status()).isEqualTo(303);
		assertThat(toStripe.header("Location")).isEqualTo("https://checkout.stripe.com/c/pay/" + session);
		String back = returnPath();
		assertThat(back).matches("/checkout/" + plan.code()
				+ "/hosted\\?interval=month&next=/p/a-story&attempt=[0-9a-f-]{36}&setup_id=" + session);
		String attempt = back.replaceFirst(".*attempt=([0-9a-f-]{36}).*", "$1");
		assertThat(subscriptions.isSubscribed(member)).isFalse();
		paymentIntentsAnswer(StripeStandIn.paymentIntent(id("pi"), "succeeded", 500, customer, card,
				"checkout-" + member + "-" + attempt, "null"), 200);

		Visitor.Page paid = visitor.get(back);
		Visitor.Page reloaded = visitor.get(back);

		assertThat(paid.status()).isEqualTo(303);
		assertThat(paid.header("Location")).endsWith("/p/a-story");
		assertThat(reloaded.status()).isEqualTo(303);
		assertThat(subscriptions.isSubscribed(member)).isTrue();
		assertThat(cards.cardOnFile(member)).contains(new CardOnFile("Visa", "4242", 9, 2031));
		stripe.verify(1,
				postRequestedFor(urlPathEqualTo("/v1/payment_intents"))
					.withHeader("Idempotency-Key", equalTo("checkout-" + member + "-" + attempt))
					.withFormParam("payment_method", equalTo(card))
					.withFormParam("customer", equalTo(customer)));
	}

	@Test
	void aDeclinedCardIsExplainedAndTheMemberMayTryAnotherCard() {
		Plan plan = catalog.createPlan(BillingFixtures.newPlan());
		String checkout = "/checkout/" + plan.code();
		paymentIntentsAnswer(StripeStandIn.declinedAnswer(id("pi"), 500, customer, card, "k", "insufficient_funds",
				"Your card has insufficient funds."), 402);
		visitor.submit(checkout, "/checkout/" + plan.code() + "/hosted", Map.of());

		Visitor.Page declined = visitor.get(returnPath());

		assertThat(declined.status()).isEqualTo(402);
		assertThat(declined.document().select("[role=alert]").text()).isEqualTo("Your card has insufficient funds.");
		assertThat(declined.document().select("button").text()).contains("Continue to secure payment page");
		assertThat(subscriptions.isSubscribed(member)).isFalse();
		assertThat(cards.cardOnFile(member)).isEmpty();
	}

	@Test
	void theCardPageReplacesTheCardThroughStripe() {
		cards.fileCard(member, new StoredCard(customer, id("pm"), "Visa", "1111", 1, 2030));
		Document page = visitor.get("/account/card").document();
		assertThat(page.select("input[name=cardNumber]")).isEmpty();

		Visitor.Page toStripe = visitor.submit("/account/card", "/account/card/hosted", Map.of());
		String back = returnPath();
		Visitor.Page filed = visitor.get(back);

		assertThat(toStripe.status()).isEqualTo(303);
		assertThat(toStripe.header("Location")).isEqualTo("https://checkout.stripe.com/c/pay/" + session);
		assertThat(back).isEqualTo("/account/card/hosted?setup_id=" + session);
		stripe.verify(0, postRequestedFor(urlPathEqualTo("/v1/customers"))
			.withFormParam("metadata[backstory_member_id]", equalTo(Long.toString(member))));
		assertThat(filed.status()).isEqualTo(303);
		assertThat(visitor.follow(filed.header("Location").replaceFirst("^https?://[^/]+", "")).body())
			.contains("Your card has been updated.");
		assertThat(cards.cardOnFile(member)).contains(new CardOnFile("Visa", "4242", 9, 2031));
	}

	@Test
	void typedCardNumbersAreRefused() {
		Plan plan = catalog.createPlan(BillingFixtures.newPlan());
		Map<String, String> typed = new LinkedHashMap<>(hiddenFields("/checkout/" + plan.code()));
		typed.putAll(Map.of("nameOnCard", "Ada Reader", "cardNumber", "4242424242424242", "expiry",
				BillingFixtures.expiryField(), "cvc", "123"));

		assertThat(visitor.post("/checkout/" + plan.code(), typed).status()).isEqualTo(400);
		assertThat(visitor.post("/account/card", typed).status()).isEqualTo(400);
		stripe.verify(0, postRequestedFor(urlPathEqualTo("/v1/payment_methods")));
	}

	@Test
	void aSetupIsFinishedOnceAndAnOlderOneNeverReplacesANewerCard() {
		String olderSession = session;
		assertThat(cards.startCardSetup(member, "reader@example.test", "http://localhost/account/card/hosted",
				"http://localhost/account/card"))
			.isPresent();
		String newerSession = id("cs");
		String newerCard = id("pm");
		StripeStandIn.setupStarts(stripe, member, customer, newerSession);
		StripeStandIn.completedSetup(stripe, newerSession, member, customer,
				StripeStandIn.paymentMethod(newerCard, customer, "mastercard", "4444", 3, 2032));
		assertThat(cards.startCardSetup(member, "reader@example.test", "http://localhost/account/card/hosted",
				"http://localhost/account/card"))
			.isPresent();

		CardChange newer = cards.finishCardSetup(member, newerSession);
		CardChange olderLate = cards.finishCardSetup(member, olderSession);
		gatewayEvents.cardSetupCompleted(olderSession);
		gatewayEvents.cardSetupCompleted(newerSession);

		CardOnFile mastercard = new CardOnFile("Mastercard", "4444", 3, 2032);
		assertThat(newer).isEqualTo(new CardChange.Replaced(mastercard));
		assertThat(olderLate).isEqualTo(new CardChange.Replaced(mastercard));
		assertThat(cards.cardOnFile(member)).contains(mastercard);
		assertThat(cards.finishCardSetup(member + 1, newerSession)).isInstanceOf(CardChange.Declined.class);
	}

	private Map<String, String> hiddenFields(String path) {
		Map<String, String> fields = new LinkedHashMap<>();
		visitor.get(path)
			.document()
			.select("input[type=hidden]")
			.forEach(input -> fields.put(input.attr("name"), input.attr("value")));
		return fields;
	}

}
