package org.backstory.billing.gift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.backstory.Visitor;
import org.backstory.billing.BillingFixtures;
import org.backstory.billing.BillingInterval;
import org.backstory.billing.Entitlement;
import org.backstory.billing.Entitlements;
import org.backstory.members.MemberDeleted;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.SandboxCards;
import org.backstory.billing.SubscriptionStatus;
import org.backstory.billing.checkout.Checkout;
import org.backstory.billing.checkout.CheckoutService;
import org.backstory.billing.payment.PaymentAttempt;
import org.backstory.billing.payment.PaymentGateway;
import org.backstory.billing.payment.PaymentSettlement;
import org.backstory.billing.subscription.Subscription;
import org.backstory.billing.subscription.SubscriptionRepository;
import org.backstory.email.SentMail;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Gift subscriptions: bought by a signed-in member, mailed to the recipient, redeemed
 * once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GiftIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	GiftService gifts;

	@Autowired
	GiftSteps steps;

	@Autowired
	PaymentSettlement settlement;

	@Autowired
	PlanCatalog catalog;

	@Autowired
	PaymentGateway gateway;

	@Autowired
	CheckoutService checkouts;

	@Autowired
	Entitlements entitlements;

	@Autowired
	SubscriptionRepository subscriptions;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	MemberDirectory members;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	private Plan plan;

	private String recipient;

	@BeforeEach
	void planAndRecipient() {
		plan = catalog.createPlan(BillingFixtures.newPlan());
		recipient = MemberFixtures.uniqueEmail("giftee");
	}

	@Test
	void aBoughtGiftIsMailedAndTheRecipientRedeemsItAfterSigningIn() {
		String buyerEmail = MemberFixtures.reader(members, "giver");
		Visitor buyer = new Visitor(port);
		buyer.signIn(buyerEmail, MemberFixtures.PASSWORD);

		Visitor.Page bought = buyer.submit("/gift", "/gift",
				Map.of("plan", plan.code(), "months", "3", "recipientEmail", recipient, "message", "Happy birthday!",
						"nameOnCard", "Ada Giver", "cardNumber", SandboxCards.SUCCEEDS, "expiry",
						BillingFixtures.expiryField(), "cvc", "123"));

		assertThat(bought.status()).isEqualTo(303);
		assertThat(buyer.get("/gift").document().select("p.notice").text())
			.isEqualTo("Thank you! Your gift is on its way to " + recipient + ". We have emailed you a receipt.");
		assertThat(jdbc.sql("""
				select g.status || ' ' || g.months || ' ' || p.amount || ' ' || p.purpose || ' ' || p.status
				from billing.gift g join billing.payment p on p.id = g.payment_id where g.recipient_email = :r
				""").param("r", recipient).query(String.class).single()).isEqualTo("purchased 3 1500 gift succeeded");
		SentMail receipt = SentMail.lastTo(jdbc, buyerEmail);
		assertThat(receipt.subject()).startsWith("Your receipt (invoice ");
		assertThat(receipt.text()).contains("$15.00");
		SentMail mail = SentMail.lastTo(jdbc, recipient);
		assertThat(mail.text()).contains("has given you 3 months of Test supporter", "Happy birthday!");
		String link = mail.path("/gift/redeem/");

		Visitor visitor = new Visitor(port);
		Document invitation = visitor.get(link).document();
		assertThat(invitation.select(".gift-what").text())
			.isEqualTo("Test giver has given you 3 months of Test supporter.");
		assertThat(invitation.select(".gift-redeem a[href^=/login]").attr("href"))
			.isEqualTo("/login?next=" + link.replace("/", "%2F"));
		assertThat(invitation.select("form[action=" + link + "]")).isEmpty();

		String gifteeEmail = MemberFixtures.reader(members, "giftee");
		visitor.signIn(gifteeEmail, MemberFixtures.PASSWORD);
		Instant before = clock.instant();
		Visitor.Page redeemed = visitor.submit(link, link, Map.of());

		assertThat(redeemed.status()).isEqualTo(303);
		assertThat(redeemed.header("Location")).endsWith("/account");
		Document account = visitor.get("/account").document();
		assertThat(account.select("p.notice").text())
			.startsWith("Your gift subscription has started. You have access until ");
		assertThat(account.select(".account-plan dd").eachText()).contains("Test supporter", "Gift");
		assertThat(account.select(".account-when").text()).endsWith("A gift does not renew.");
		long redeemer = members.findByEmail(gifteeEmail).orElseThrow().id();
		Subscription subscription = subscriptions.current(redeemer).orElseThrow();
		assertThat(subscription.status()).isEqualTo(SubscriptionStatus.ACTIVE);
		assertThat(subscription.giftId()).isNotNull();
		assertThat(subscription.price()).isEqualTo(500);
		assertThat(subscription.currentPeriodEnd()).isCloseTo(before.atZone(ZoneOffset.UTC).plusMonths(3).toInstant(),
				within(1, ChronoUnit.MINUTES));
		assertThat(jdbc.sql("""
				select renews || ' ' || (due_at = current_period_end) from billing.subscription where id = :id
				""").param("id", subscription.id()).query(String.class).single()).isEqualTo("false true");
		assertThat(jdbc
			.sql("""
					select coalesce(from_status, 'null') || '>' || to_status || ' ' || cause || ' ' || kind || ' ' || mrr_after
					from billing.subscription_event where subscription_id = :id
					""")
			.param("id", subscription.id())
			.query(String.class)
			.list()).containsExactly("null>active gift_redeemed gift 0");
		assertThat(entitlements.of(redeemer).status()).isEqualTo(Entitlement.Status.ACTIVE);
	}

	@Test
	void aRedeemLinkTooLongToComeBackToSendsAnAnonymousReaderToSignInWithoutIt() {
		Visitor visitor = new Visitor(port);
		String csrf = visitor.get("/login").document().select("input[name=_csrf]").val();

		Visitor.Page page = visitor.post("/gift/redeem/" + "x".repeat(10_000), Map.of("_csrf", csrf));

		assertThat(page.status()).isEqualTo(303);
		assertThat(page.header("Location")).endsWith("/login");
	}

	@Test
	void aGiftRedeemedTwiceSaysSoAndChangesNothing() {
		String link = "/gift/redeem/" + buyGift();
		Visitor first = signedIn("first");
		Visitor second = signedIn("second");
		first.submit(link, link, Map.of());
		long subscriptionsBefore = jdbc.sql("select count(*) from billing.subscription").query(Long.class).single();

		Visitor.Page again = second.post(link, Map.of("_csrf", csrfOf(second)));

		assertThat(again.status()).isEqualTo(409);
		assertThat(again.document().select("p.error").text()).isEqualTo("This gift has already been redeemed.");
		assertThat(second.get(link).status()).isEqualTo(410);
		assertThat(jdbc.sql("select count(*) from billing.subscription").query(Long.class).single())
			.isEqualTo(subscriptionsBefore);
		assertThat(gifts.redeem(link.substring("/gift/redeem/".length()), BillingFixtures.newMemberId()))
			.isInstanceOf(GiftRedemption.AlreadyRedeemed.class);
	}

	@Test
	void twoMembersRedeemingAtOnceGetItOnce() throws Exception {
		String token = buyGift();
		long one = BillingFixtures.newMemberId();
		long other = BillingFixtures.newMemberId();
		CyclicBarrier start = new CyclicBarrier(2);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		List<GiftRedemption> outcomes;
		try {
			Future<GiftRedemption> first = threads.submit(() -> {
				start.await();
				return gifts.redeem(token, one);
			});
			Future<GiftRedemption> second = threads.submit(() -> {
				start.await();
				return gifts.redeem(token, other);
			});
			outcomes = List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS));
		}
		finally {
			threads.shutdownNow();
		}

		assertThat(outcomes).filteredOn(GiftRedemption.Redeemed.class::isInstance).hasSize(1);
		assertThat(outcomes).filteredOn(GiftRedemption.AlreadyRedeemed.class::isInstance).hasSize(1);
		assertThat(jdbc.sql("select count(*) from billing.subscription where member_id in (:m)")
			.param("m", List.of(one, other))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aMemberWithASubscriptionIsRefusedAndTheGiftStaysUnused() {
		String token = buyGift();
		long subscriber = BillingFixtures.newMemberId();
		checkouts.checkout(new Checkout(subscriber, "s@billing.test", plan.code(), BillingInterval.MONTH,
				UUID.randomUUID(), BillingFixtures.card(SandboxCards.SUCCEEDS)));

		assertThat(gifts.redeem(token, subscriber)).isInstanceOf(GiftRedemption.AlreadySubscribed.class);
		assertThat(gifts.find(token).orElseThrow().redeemed()).isFalse();
		assertThat(gifts.redeem(token, BillingFixtures.newMemberId())).isInstanceOf(GiftRedemption.Redeemed.class);
	}

	@Test
	void aDeclinedCardBuysNothingAndSendsNothing() {
		Visitor buyer = signedIn("declined");

		Visitor.Page page = buyer.submit("/gift", "/gift",
				Map.of("plan", plan.code(), "months", "1", "recipientEmail", recipient, "nameOnCard", "Ada Giver",
						"cardNumber", SandboxCards.DECLINED, "expiry", BillingFixtures.expiryField(), "cvc", "123"));

		assertThat(page.status()).isEqualTo(402);
		assertThat(page.document().select("p.error").text()).isEqualTo("Your card was declined.");
		assertThat(page.document().select("input[name=recipientEmail]").val()).isEqualTo(recipient);
		assertThat(SentMail.countTo(jdbc, recipient)).isZero();
		assertThat(jdbc.sql("select count(*) from billing.gift where recipient_email = :r")
			.param("r", recipient)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aChargeDeclinedAfterTheCardWasTakenMarksTheGiftFailed() {
		GiftPurchase purchase = purchase(BillingFixtures.newMemberId(), UUID.randomUUID());
		PaymentAttempt attempt = steps.begin(purchase, catalog.find(plan.code()).orElseThrow(),
				SandboxCards.VISA_CHARGES_FAIL, gateway.name());

		assertThat(gifts.purchase(purchase)).isEqualTo(new GiftOutcome.Declined("Your card was declined."));
		assertThat(giftStatus(attempt)).isEqualTo("failed");
		assertThat(SentMail.countTo(jdbc, recipient)).isZero();
	}

	@Test
	void theSameGiftFormSubmittedTwiceChargesOnce() {
		GiftPurchase purchase = purchase(BillingFixtures.newMemberId(), UUID.randomUUID());

		GiftOutcome first = gifts.purchase(purchase);
		GiftOutcome second = gifts.purchase(purchase);

		assertThat(second).isEqualTo(first).isInstanceOf(GiftOutcome.Purchased.class);
		assertThat(jdbc.sql("select count(*) from billing.sandbox_charge where idempotency_key = :k")
			.param("k", purchase.idempotencyKey())
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(SentMail.countTo(jdbc, recipient)).isEqualTo(1);
	}

	@Test
	void aGatewayNotificationSettlesAPendingGift() {
		GiftPurchase purchase = purchase(BillingFixtures.newMemberId(), UUID.randomUUID());
		PaymentAttempt attempt = steps.begin(purchase, catalog.find(plan.code()).orElseThrow(), SandboxCards.VISA,
				gateway.name());

		assertThat(settlement.settle(attempt.idempotencyKey(), new PaymentGateway.ChargeResult.Succeeded("ch_test")))
			.isTrue();

		assertThat(giftStatus(attempt)).isEqualTo("purchased");
		assertThat(SentMail.lastTo(jdbc, recipient).path("/gift/redeem/")).startsWith("/gift/redeem/");
	}

	@Test
	void forgettingTheBuyerAndTheRedeemerKeepsTheGiftWithoutTheirNamesOrAddresses() {
		long buyer = BillingFixtures.newMemberId();
		gifts.purchase(purchase(buyer, UUID.randomUUID()));
		String token = SentMail.lastTo(jdbc, recipient).path("/gift/redeem/").substring("/gift/redeem/".length());
		long redeemer = BillingFixtures.newMemberId();
		gifts.redeem(token, redeemer);

		events.publishEvent(new MemberDeleted(buyer));
		events.publishEvent(new MemberDeleted(redeemer));

		assertThat(jdbc.sql("""
				select status || ' ' || coalesce(buyer_member_id::text, '-') || ' ' || coalesce(buyer_name, '-') || ' '
				       || coalesce(redeemed_by::text, '-') || ' ' || coalesce(recipient_email, '-')
				from billing.gift where buyer_member_id is null and token_hash = sha256(convert_to(:token, 'UTF8'))
				""").param("token", token).query(String.class).single()).isEqualTo("redeemed - - - -");
	}

	@Test
	void buyingNeedsASignedInMemberAndRedeemingAValidLink() {
		Visitor anonymous = new Visitor(port);

		assertThat(anonymous.get("/gift").header("Location")).isEqualTo("/login?next=%2Fgift");
		assertThat(anonymous.get("/gift/redeem/not-a-token").status()).isEqualTo(404);
		assertThat(gifts.redeem("A".repeat(43), BillingFixtures.newMemberId()))
			.isInstanceOf(GiftRedemption.Unknown.class);
		Visitor member = signedIn("badlink");
		Visitor.Page form = member.submit("/gift", "/gift",
				Map.of("plan", plan.code(), "months", "2", "recipientEmail", "not an address", "nameOnCard", "Ada",
						"cardNumber", SandboxCards.SUCCEEDS, "expiry", BillingFixtures.expiryField(), "cvc", "123"));
		assertThat(form.status()).isEqualTo(422);
		assertThat(form.document().select("p.field-error").eachText()).containsExactly("Choose 1, 3, 6 or 12 months.",
				"Enter the recipient's email address.");
	}

	/**
	 * Buys a gift for the recipient through the service and returns its redeem token,
	 * from the mail.
	 */
	private String buyGift() {
		assertThat(gifts.purchase(purchase(BillingFixtures.newMemberId(), UUID.randomUUID())))
			.isInstanceOf(GiftOutcome.Purchased.class);
		return SentMail.lastTo(jdbc, recipient).path("/gift/redeem/").substring("/gift/redeem/".length());
	}

	private GiftPurchase purchase(long buyer, UUID attempt) {
		return new GiftPurchase(buyer, "b" + buyer + "@billing.test", "Ada Giver", plan.code(), 1, recipient, null,
				attempt, BillingFixtures.card(SandboxCards.SUCCEEDS));
	}

	private Visitor signedIn(String who) {
		Visitor visitor = new Visitor(port);
		visitor.signIn(MemberFixtures.reader(members, who), MemberFixtures.PASSWORD);
		return visitor;
	}

	/**
	 * A CSRF field value as a page would carry it, for posting to a page that shows no
	 * form.
	 */
	private static String csrfOf(Visitor visitor) {
		return visitor.get("/account/card").document().select("input[name=_csrf]").val();
	}

	private String giftStatus(PaymentAttempt attempt) {
		return jdbc.sql("select status from billing.gift where payment_id = :p")
			.param("p", attempt.id())
			.query(String.class)
			.single();
	}

}
