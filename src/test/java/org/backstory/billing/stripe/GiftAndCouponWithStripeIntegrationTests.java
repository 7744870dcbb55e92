package org.backstory.billing.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.backstory.billing.stripe.StripeStandIn.id;

import java.util.Map;

import org.backstory.Visitor;
import org.backstory.billing.BillingFixtures;
import org.backstory.billing.Plan;
import org.backstory.billing.checkout.Coupon;
import org.backstory.billing.checkout.CouponDuration;
import org.backstory.billing.checkout.CouponService;
import org.backstory.email.SentMail;
import org.backstory.members.MemberFixtures;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Gifts and coupons when Stripe takes the card on its own page: what the buyer typed
 * travels to Stripe and back in the return address, and paying happens once when they
 * come back.
 */
@StripeGatewayTest
class GiftAndCouponWithStripeIntegrationTests extends StripeCardTestSupport {

	@Autowired
	CouponService coupons;

	@Autowired
	JdbcClient jdbc;

	private Plan plan;

	@Override
	String readerName() {
		return "stripegift";
	}

	@BeforeEach
	void newPlan() {
		plan = catalog.createPlan(BillingFixtures.newPlan());
	}

	@Test
	void aGiftIsPaidWithTheCardEnteredOnStripesPageOnceTheBuyerIsBack() {
		String recipient = MemberFixtures.uniqueEmail("stripegiftee");
		Document form = visitor.get("/gift").document();
		assertThat(form.select("input[name=cardNumber]")).isEmpty();
		assertThat(form.select("form[action=/gift/hosted] button").text()).isEqualTo("Continue to secure payment page");

		Visitor.Page toStripe = visitor.submit("/gift", "/gift/hosted", Map.of("plan", plan.code(), "months", "3",
				"recipientEmail", recipient, "message", "Enjoy it & read well"));

		assertThat(toStripe.status()).isEqualTo(303);
		assertThat(toStripe.header("Location")).isEqualTo("https://checkout.stripe.com/c/pay/" + session);
		String back = returnPath();
		String attempt = back.replaceFirst(".*attempt=([0-9a-f-]{36}).*", "$1");
		stripe.stubFor(post(urlPathEqualTo("/v1/payment_intents")).withFormParam("customer", equalTo(customer))
			.willReturn(StripeStandIn.json(200, StripeStandIn.paymentIntent(id("pi"), "succeeded", 1500, customer, card,
					"gift-" + member + "-" + attempt, "null"))));

		Visitor.Page paid = visitor.get(back);
		Visitor.Page reloaded = visitor.get(back);

		assertThat(paid.status()).isEqualTo(303);
		assertThat(reloaded.status()).isEqualTo(303);
		assertThat(visitor.get("/gift").document().select("p.notice").text())
			.startsWith("Thank you! Your gift is on its way to " + recipient);
		assertThat(SentMail.lastTo(jdbc, recipient).text()).contains("3 months of Test supporter",
				"Enjoy it & read well");
		stripe.verify(1,
				postRequestedFor(urlPathEqualTo("/v1/payment_intents"))
					.withHeader("Idempotency-Key", equalTo("gift-" + member + "-" + attempt))
					.withFormParam("amount", equalTo("1500"))
					.withFormParam("payment_method", equalTo(card)));
		assertThat(cards.cardOnFile(member)).isEmpty();
	}

	@Test
	void aCouponTravelsThroughStripesPageAndTheFirstChargeIsDiscounted() {
		Coupon coupon = coupons.create(BillingFixtures.percentCoupon(20, CouponDuration.ONCE, null)).orElseThrow();
		String checkout = "/checkout/" + plan.code() + "?interval=month&coupon=" + coupon.code();
		assertThat(visitor.get("/checkout/" + plan.code() + "?coupon=NOPE").document().select(".coupon-error").text())
			.isEqualTo("No coupon with that code.");

		visitor.submit(checkout, "/checkout/" + plan.code() + "/hosted", Map.of());
		String back = returnPath();
		String attempt = back.replaceFirst(".*attempt=([0-9a-f-]{36}).*", "$1");
		stripe.stubFor(post(urlPathEqualTo("/v1/payment_intents")).withFormParam("customer", equalTo(customer))
			.willReturn(StripeStandIn.json(200, StripeStandIn.paymentIntent(id("pi"), "succeeded", 400, customer, card,
					"checkout-" + member + "-" + attempt, "null"))));

		Visitor.Page paid = visitor.get(back);

		assertThat(back).contains("coupon=" + coupon.code());
		assertThat(paid.status()).isEqualTo(303);
		stripe.verify(1,
				postRequestedFor(urlPathEqualTo("/v1/payment_intents"))
					.withHeader("Idempotency-Key", equalTo("checkout-" + member + "-" + attempt))
					.withFormParam("amount", equalTo("400")));
		assertThat(jdbc.sql("select times_redeemed from billing.coupon where id = :id")
			.param("id", coupon.id())
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

}
