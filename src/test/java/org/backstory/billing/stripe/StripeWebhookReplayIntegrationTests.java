package org.backstory.billing.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.backstory.billing.stripe.StripeStandIn.id;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.backstory.billing.BillingFixtures;
import org.backstory.billing.BillingInterval;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.card.CardService;
import org.backstory.billing.checkout.Checkout;
import org.backstory.billing.checkout.CheckoutOutcome;
import org.backstory.billing.checkout.CheckoutService;
import org.backstory.billing.payment.CheckoutCard;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two identical worlds of members whose first payments got no answer from Stripe, and the
 * events Stripe then sends about them: payment outcomes, card updates, detached cards,
 * refunds, events we ignore. One world gets each event once, in order; the other gets 500
 * deliveries, every event several times, shuffled, all at once. Both must end the same,
 * and as computed by hand.
 */
@StripeGatewayTest
class StripeWebhookReplayIntegrationTests {

	private static final int MEMBERS = 25;

	private static final int DELIVERIES = 500;

	@LocalServerPort
	int port;

	@Autowired
	CheckoutService checkouts;

	@Autowired
	CardService cards;

	@Autowired
	PlanCatalog catalog;

	@Autowired
	JdbcClient jdbc;

	private final WireMockServer stripe = StripeStandIn.shared();

	/** One member of a world, with the Stripe objects of their checkout. */
	record Member(int index, long id, String customer, String card, String paymentIntent, String key) {
	}

	/** What billing ends up with for one member. */
	record Outcome(@Nullable String card, String payment, long refunded, List<Long> refunds, String subscription) {
	}

	/** An event as Stripe sends it. */
	record Event(String id, String payload) {
	}

	record World(List<Member> members, List<Event> events) {

		List<String> eventIds() {
			return events.stream().map(Event::id).toList();
		}

	}

	@Test
	void eventsDeliveredTwiceAndShuffledEndAsEventsDeliveredOnceInOrder() {
		Plan plan = catalog.createPlan(BillingFixtures.newPlan());
		World inOrder = world(plan);
		World shuffled = world(plan);
		WebhookSender webhooks = new WebhookSender(port);

		for (Event event : inOrder.events()) {
			assertThat(webhooks.deliver(event.payload()).statusCode()).isEqualTo(200);
			awaitProcessed(List.of(event.id()));
		}
		List<Event> deliveries = new ArrayList<>(shuffled.events());
		Random random = new Random(20261130);
		while (deliveries.size() < DELIVERIES) {
			deliveries.add(shuffled.events().get(random.nextInt(shuffled.events().size())));
		}
		Collections.shuffle(deliveries, random);
		deliveries.parallelStream()
			.forEach(event -> assertThat(webhooks.deliver(event.payload()).statusCode()).isEqualTo(200));
		awaitProcessed(shuffled.eventIds());

		assertThat(jdbc.sql("select count(*) from billing.stripe_event where id in (:ids)")
			.param("ids", shuffled.eventIds())
			.query(Long.class)
			.single()).isEqualTo(shuffled.events().size());
		assertThat(outcomes(shuffled)).isEqualTo(outcomes(inOrder)).isEqualTo(expected());
	}

	/**
	 * Members whose checkout charge got no answer, and the events Stripe sends about them
	 * afterwards.
	 */
	private World world(Plan plan) {
		long base = Instant.now().getEpochSecond() - 3600;
		List<Member> members = new ArrayList<>();
		List<Event> events = new ArrayList<>();
		for (int i = 0; i < MEMBERS; i++) {
			Member member = pendingCheckout(plan, i);
			members.add(member);
			long t = base + i * 100L;
			events.add(event("customer.updated", t,
					StripeStandIn.customer(member.customer(), "r@example.test", member.id())));
			events.add(failed(i)
					? event("payment_intent.payment_failed", t + 10,
							intent(member, "requires_payment_method",
									StripeStandIn.cardError("card_declined", "insufficient_funds",
											"Your card has insufficient funds.")))
					: event("payment_intent.succeeded", t + 10, intent(member, "succeeded", "null")));
			events.add(event("payment_method.updated", t + 20, card(member, "4242", 2, 2031)));
			events.add(event("payment_method.automatically_updated", t + 30, card(member, "1881", 3, 2032)));
			if (i % 3 == 0) {
				events.add(event("payment_method.automatically_updated", t + 40, card(member, "1881", 4, 2033)));
			}
			if (i % 7 == 6) {
				events.add(event("payment_method.detached", t + 50,
						StripeStandIn.paymentMethod(member.card(), null, "visa", "1881", 3, 2032)));
			}
			if (!failed(i)) {
				refunds(member, t + 60).forEach(events::add);
			}
		}
		events.add(event("payment_intent.succeeded", base,
				StripeStandIn.paymentIntent(id("pi"), "succeeded", 900, id("cus"), id("pm"), null, "null")));
		return new World(members, events);
	}

	private static boolean failed(int index) {
		return index % 5 == 4;
	}

	private Member pendingCheckout(Plan plan, int index) {
		long memberId = BillingFixtures.newMemberId();
		String email = "replay" + memberId + "@example.test";
		UUID attempt = UUID.randomUUID();
		Member member = new Member(index, memberId, id("cus"), id("pm"), id("pi"),
				"checkout-" + memberId + "-" + attempt);
		String session = id("cs");
		StripeStandIn.setupStarts(stripe, memberId, member.customer(), session);
		StripeStandIn.completedSetup(stripe, session, memberId, member.customer(),
				StripeStandIn.paymentMethod(member.card(), member.customer(), "visa", "4242", 1, 2030));
		stripe.stubFor(post(urlPathEqualTo("/v1/payment_intents")).withFormParam("customer", equalTo(member.customer()))
			.willReturn(StripeStandIn.serverError()));
		stripe.stubFor(get(urlPathEqualTo("/v1/payment_intents/" + member.paymentIntent()))
			.willReturn(StripeStandIn.ok(intent(member, "succeeded", "null"))));
		stripe.stubFor(get(urlPathEqualTo("/v1/refunds"))
			.withQueryParam("payment_intent", matching(member.paymentIntent()))
			.willReturn(StripeStandIn.ok("""
					{"object": "list", "url": "/v1/refunds", "has_more": false, "data": [%s]}
					""".formatted(StripeStandIn.refund(id("re"), member.paymentIntent(), 120, "succeeded", null)))));
		assertThat(checkouts.startCardSetup(memberId, email, "http://localhost/checkout/p/hosted",
				"http://localhost/checkout/p"))
			.isPresent();
		assertThat(checkouts.checkout(new Checkout(memberId, email, plan.code(), BillingInterval.MONTH, attempt,
				new CheckoutCard.FromSetup(session))))
			.isInstanceOf(CheckoutOutcome.NotConfirmed.class);
		return member;
	}

	/**
	 * Partial refunds in two steps, a full refund, or one whose list Stripe leaves out of
	 * the charge.
	 */
	private static List<Event> refunds(Member member, long at) {
		String pi = member.paymentIntent();
		String customer = member.customer();
		String first = StripeStandIn.refund(id("re"), pi, 100, "succeeded", null);
		return switch (member.index() % 4) {
			case 1 -> List.of(event("charge.refunded", at, StripeStandIn.refundedCharge(pi, customer, 500, 100, first)),
					event("charge.refunded", at + 5, StripeStandIn.refundedCharge(pi, customer, 500, 250,
							first + "," + StripeStandIn.refund(id("re"), pi, 150, "succeeded", null))));
			case 2 -> List.of(event("charge.refunded", at, StripeStandIn.refundedCharge(pi, customer, 500, 500,
					StripeStandIn.refund(id("re"), pi, 500, "succeeded", null))));
			case 3 -> List.of(event("charge.refunded", at, StripeStandIn.refundedCharge(pi, customer, 500, 120, null)));
			default -> List.of();
		};
	}

	private static Event event(String type, long created, String object) {
		String id = id("evt");
		return new Event(id, StripeStandIn.event(id, type, created, object));
	}

	private static String intent(Member member, String status, String lastPaymentError) {
		return StripeStandIn.paymentIntent(member.paymentIntent(), status, 500, member.customer(), member.card(),
				member.key(), lastPaymentError);
	}

	private static String card(Member member, String last4, int expMonth, int expYear) {
		return StripeStandIn.paymentMethod(member.card(), member.customer(), "visa", last4, expMonth, expYear);
	}

	private void awaitProcessed(List<String> eventIds) {
		await().atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofMillis(20))
			.untilAsserted(() -> assertThat(jdbc
				.sql("select count(*) from billing.stripe_event where id in (:ids) and processed_at is not null")
				.param("ids", eventIds)
				.query(Long.class)
				.single()).isEqualTo(eventIds.size()));
	}

	private List<Outcome> outcomes(World world) {
		return world.members().stream().map(this::outcome).toList();
	}

	private Outcome outcome(Member member) {
		String card = cards.cardOnFile(member.id())
			.map(c -> c.brand() + " " + c.last4() + " " + c.expiry())
			.orElse(null);
		record Payment(long id, String status, long refunded) {
		}
		Payment payment = jdbc
			.sql("select id, status, refunded_amount from billing.payment where idempotency_key = :key")
			.param("key", member.key())
			.query((rs, row) -> new Payment(rs.getLong(1), rs.getString(2), rs.getLong(3)))
			.single();
		List<Long> refunds = jdbc.sql("select amount from billing.refund where payment_id = :id order by amount")
			.param("id", payment.id())
			.query(Long.class)
			.list();
		String subscription = jdbc.sql("select status from billing.subscription where member_id = :member")
			.param("member", member.id())
			.query(String.class)
			.single();
		return new Outcome(card, payment.status(), payment.refunded(), refunds, subscription);
	}

	/** The outcome worked out by hand from the events {@link #world} sends. */
	private static List<Outcome> expected() {
		List<Outcome> outcomes = new ArrayList<>();
		for (int i = 0; i < MEMBERS; i++) {
			if (failed(i)) {
				outcomes.add(new Outcome(null, "failed", 0, List.of(), "incomplete"));
				continue;
			}
			String card = i % 7 == 6 ? null : i % 3 == 0 ? "Visa 1881 04/2033" : "Visa 1881 03/2032";
			List<Long> refunds = switch (i % 4) {
				case 1 -> List.of(100L, 150L);
				case 2 -> List.of(500L);
				case 3 -> List.of(120L);
				default -> List.of();
			};
			outcomes.add(new Outcome(card, "succeeded", refunds.stream().mapToLong(Long::longValue).sum(), refunds,
					"active"));
		}
		return outcomes;
	}

}
