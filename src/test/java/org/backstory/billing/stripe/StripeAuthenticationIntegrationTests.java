package org.backstory.billing.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.backstory.billing.stripe.StripeStandIn.id;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.backstory.Visitor;
import org.backstory.billing.BillingProbe;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.SubscriptionService;
import org.backstory.billing.SubscriptionStatus;
import org.backstory.billing.card.CardService;
import org.backstory.email.SentMail;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.backstory.members.NewAccount;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A renewal Stripe answers with {@code authentication_required} (3-D Secure), over real
 * HTTP against the Stripe stand-in: not a decline; the member is mailed a link to confirm
 * the payment with Stripe.js, only they can open it, the subscription stays in grace, and
 * the webhook settles the renewal once however often it comes.
 */
@StripeGatewayTest
class StripeAuthenticationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	PlanCatalog catalog;

	@Autowired
	SubscriptionService subscriptions;

	@Autowired
	CardService cards;

	@Autowired
	MemberDirectory members;

	@Autowired
	JdbcClient jdbc;

	private final WireMockServer stripe = StripeStandIn.shared();

	private String email;

	private long member;

	private String customer;

	private String card;

	private String paymentIntent;

	@BeforeEach
	void heldRenewal() {
		HeldRenewal held = HeldRenewal.make(stripe, catalog, members, subscriptions, cards);
		email = held.email();
		member = held.member();
		customer = held.customer();
		card = held.card();
		paymentIntent = held.paymentIntent();
	}

	@Test
	void theRenewalWaitsForTheMemberInGraceAndTheMailedLinkOffersStripeJsToThemOnly() {
		assertThat(subscriptions.currentSubscription(member).orElseThrow().status())
			.isEqualTo(SubscriptionStatus.PAST_DUE);
		Map<String, Object> payment = payment();
		assertThat(payment).containsEntry("status", "pending")
			.containsEntry("gateway_charge_id", paymentIntent)
			.containsEntry("failure_code", "authentication_required");
		assertThat(payment.get("authentication_requested_at")).isNotNull();
		SentMail mail = SentMail.lastTo(jdbc, email);
		assertThat(mail.subject()).isEqualTo("Confirm your payment to keep your subscription");
		assertThat(mail.text()).contains("$5.00").doesNotContain(paymentIntent + "_secret");
		assertThat(SentMail.countTo(jdbc, email, "Your card was declined")).isZero();
		String link = mail.path("/account/payments/");
		assertThat(link).isEqualTo("/account/payments/" + payment.get("id") + "/confirm");

		Visitor owner = signedIn(email);
		Visitor.Page page = owner.get(link);

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.header("Cache-Control")).isEqualTo("private, no-store");
		String standIn = stripe.baseUrl();
		assertThat(page.header("Content-Security-Policy")).contains("script-src 'self' " + standIn + ";")
			.contains("frame-src " + standIn + " https://hooks.stripe.com;")
			.contains("connect-src 'self' " + standIn + ";");
		Document document = page.document();
		Element form = document.selectFirst("form#confirm-payment");
		assertThat(form).isNotNull();
		assertThat(form.attr("data-client-secret")).isEqualTo(paymentIntent + "_secret_standin");
		assertThat(form.attr("data-publishable-key")).isEqualTo(StripeStandIn.PUBLISHABLE_KEY);
		assertThat(form.attr("data-payment-method")).as("requires_payment_method: confirmed with the card again")
			.isEqualTo(card);
		assertThat(form.attr("action")).isEqualTo(link + "/check");
		assertThat(document.select("script").eachAttr("src")).containsExactly(standIn + StripeStandIn.STRIPE_JS_PATH,
				"/assets/confirm-payment.js");
		assertThat(document.select(".confirm-amount").text()).isEqualTo("$5.00");
		assertThat(document.select(".payment-banner").text()).as("in grace meanwhile")
			.startsWith("Your last payment failed.");

		String other = MemberFixtures.uniqueEmail("sca-other");
		members.createAccount(new NewAccount(other, "Other Reader", MemberFixtures.PASSWORD, MemberRole.MEMBER, true));
		Visitor stranger = signedIn(other);
		assertThat(stranger.get(link).status()).isEqualTo(404);
		assertThat(stranger.get(link + "/check").status()).isEqualTo(404);
		assertThat(stranger.get(link).body()).doesNotContain(paymentIntent);
		assertThat(new Visitor(port).get(link).header("Location")).contains("/login");
	}

	@Test
	void theWebhookSettlesTheRenewalOnceAndTheReturnCheckAndReplaysChangeNothing() {
		Map<String, Object> payment = payment();
		String key = (String) payment.get("idempotency_key");
		WebhookSender webhooks = new WebhookSender(port);
		// Stripe also reports the off-session failure itself: it changes nothing.
		String failedEvent = id("evt");
		webhooks
			.deliver(StripeStandIn.event(failedEvent, "payment_intent.payment_failed", Instant.now().getEpochSecond(),
					StripeStandIn.paymentIntent(paymentIntent, "requires_payment_method", 500, customer, card, key,
							StripeStandIn.cardError("authentication_required", "authentication_required",
									"This transaction requires authentication."))));
		awaitProcessed(failedEvent);
		assertThat(payment()).containsEntry("status", "pending");

		StripeStandIn.authenticate(stripe, paymentIntent);
		String succeeded = StripeStandIn.event(id("evt"), "payment_intent.succeeded", Instant.now().getEpochSecond(),
				StripeStandIn.paymentIntent(paymentIntent, "succeeded", 500, customer, card, key, "null"));
		assertThat(webhooks.deliver(succeeded).statusCode()).isEqualTo(200);
		awaitProcessed(eventIdOf(succeeded));

		assertThat(payment()).containsEntry("status", "succeeded");
		assertThat(subscriptions.currentSubscription(member).orElseThrow().status())
			.isEqualTo(SubscriptionStatus.ACTIVE);
		assertThat(SentMail.countTo(jdbc, email, "Your receipt")).isEqualTo(1);

		// The same event again, the same fact in a new event, and the member's return.
		webhooks.deliver(succeeded);
		String again = StripeStandIn.event(id("evt"), "payment_intent.succeeded", Instant.now().getEpochSecond(),
				StripeStandIn.paymentIntent(paymentIntent, "succeeded", 500, customer, card, key, "null"));
		webhooks.deliver(again);
		awaitProcessed(eventIdOf(again));
		Visitor owner = signedIn(email);
		String link = "/account/payments/" + payment.get("id") + "/confirm";
		Visitor.Page back = owner.get(link + "/check");
		assertThat(back.status()).isEqualTo(303);
		assertThat(back.header("Location")).endsWith(link);

		assertThat(SentMail.countTo(jdbc, email, "Your receipt")).isEqualTo(1);
		List<String> history = BillingProbe.historyOf(jdbc, member);
		assertThat(history.stream().filter(entry -> entry.contains(" renewed "))).hasSize(1);
		assertThat(history).last().asString().startsWith("past_due>active renewed 500");
		Document page = owner.get(link).document();
		assertThat(page.select(".notice").text())
			.isEqualTo("Your payment of $5.00 is confirmed. Thank you: your subscription continues.");
		assertThat(page.select("form#confirm-payment")).isEmpty();
		assertThat(page.select(".payment-banner")).as("no longer past due").isEmpty();
	}

	@Test
	void theReturnCheckSettlesTheRenewalWhenTheWebhookHasNotComeYet() {
		String link = "/account/payments/" + payment().get("id") + "/confirm";
		Visitor owner = signedIn(email);
		owner.get(link + "/check");
		assertThat(payment()).as("not authenticated yet").containsEntry("status", "pending");

		StripeStandIn.authenticate(stripe, paymentIntent);
		owner.get(link + "/check");
		owner.get(link + "/check");

		assertThat(payment()).containsEntry("status", "succeeded");
		assertThat(subscriptions.currentSubscription(member).orElseThrow().status())
			.isEqualTo(SubscriptionStatus.ACTIVE);
		assertThat(SentMail.countTo(jdbc, email, "Your receipt")).isEqualTo(1);
	}

	private Visitor signedIn(String address) {
		Visitor visitor = new Visitor(port);
		visitor.signIn(address, MemberFixtures.PASSWORD);
		return visitor;
	}

	/** The member's latest renewal payment. */
	private Map<String, Object> payment() {
		return jdbc.sql("""
				select id, status, idempotency_key, gateway_charge_id, failure_code, authentication_requested_at
				from billing.payment where member_id = :member and purpose = 'renewal' order by id desc limit 1
				""").param("member", member).query().singleRow();
	}

	private static String eventIdOf(String event) {
		return event.substring(event.indexOf("\"id\": \"") + 7, event.indexOf("\"", event.indexOf("\"id\": \"") + 7));
	}

	private void awaitProcessed(String eventId) {
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(jdbc.sql("select processed_at from billing.stripe_event where id = :id")
				.param("id", eventId)
				.query()
				.listOfRows()).singleElement().satisfies(row -> assertThat(row.get("processed_at")).isNotNull()));
	}

}
