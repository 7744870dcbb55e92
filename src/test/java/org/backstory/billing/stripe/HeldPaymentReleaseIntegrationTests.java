package org.backstory.billing.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import org.backstory.Visitor;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.SubscriptionService;
import org.backstory.billing.SubscriptionStatus;
import org.backstory.billing.card.CardService;
import org.backstory.billing.payment.HeldPaymentReleases;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A held renewal (Stripe answered {@code authentication_required}) whose member cancels
 * instead of confirming it: the hold is closed at once, and the PaymentIntent is then
 * canceled at Stripe's stand-in as {@code abandoned}, exactly once however often the
 * release runs; a cancel Stripe does not answer never undoes the closing and is tried
 * again later.
 */
@StripeGatewayTest
class HeldPaymentReleaseIntegrationTests {

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
	HeldPaymentReleases releases;

	@Autowired
	JdbcClient jdbc;

	private final WireMockServer stripe = StripeStandIn.shared();

	private HeldRenewal held;

	@BeforeEach
	void heldRenewal() {
		held = HeldRenewal.make(stripe, catalog, members, subscriptions, cards);
	}

	@Test
	void cancelingTheSubscriptionClosesTheHoldAndCancelsItsPaymentIntentOnce() {
		cancel();

		assertThat(subscriptions.currentSubscription(held.member()).map(s -> s.status()))
			.hasValueSatisfying(status -> assertThat(status).isNotEqualTo(SubscriptionStatus.PAST_DUE));
		assertThat(payment()).containsEntry("status", "failed")
			.containsEntry("failure_code", "authentication_not_completed");

		releases.releaseDue();
		releases.releaseDue();

		stripe.verify(1, postRequestedFor(urlPathEqualTo(cancelPath())).withFormParam("cancellation_reason",
				equalTo("abandoned")));
		assertThat(payment()).containsEntry("hold_release_outcome", "canceled")
			.containsEntry("hold_release_due_at", null)
			.containsEntry("hold_release_attempts", 1);
		assertThat(payment().get("hold_released_at")).isNotNull();
	}

	@Test
	void aCancelStripeDoesNotAnswerLeavesTheHoldClosedAndIsTriedAgainLater() {
		StubMapping down = stripe
			.stubFor(post(urlPathEqualTo(cancelPath())).atPriority(1).willReturn(StripeStandIn.serverError()));
		try {
			Visitor.Page canceled = cancel();
			assertThat(canceled.status()).as("closing the hold never waits for Stripe").isEqualTo(303);

			releases.releaseDue();

			stripe.verify(1, postRequestedFor(urlPathEqualTo(cancelPath())));
			assertThat(payment()).containsEntry("status", "failed")
				.containsEntry("hold_release_attempts", 1)
				.containsEntry("hold_release_outcome", null);
			assertThat(payment().get("hold_release_due_at")).as("tried again later").isNotNull();
			releases.releaseDue();
			stripe.verify(1, postRequestedFor(urlPathEqualTo(cancelPath())));
		}
		finally {
			stripe.removeStub(down);
		}

		jdbc.sql("update billing.payment set hold_release_due_at = now() - interval '1 minute' where id = :id")
			.param("id", payment().get("id"))
			.update();
		releases.releaseDue();

		stripe.verify(2, postRequestedFor(urlPathEqualTo(cancelPath())));
		assertThat(payment()).containsEntry("hold_release_outcome", "canceled")
			.containsEntry("hold_release_attempts", 2);
	}

	private Visitor.Page cancel() {
		Visitor member = new Visitor(port);
		member.signIn(held.email(), MemberFixtures.PASSWORD);
		return member.submit("/account/cancel", "/account/cancel", Map.of());
	}

	private String cancelPath() {
		return "/v1/payment_intents/" + held.paymentIntent() + "/cancel";
	}

	/** The member's held renewal payment. */
	private Map<String, Object> payment() {
		return jdbc.sql("""
				select id, status, failure_code, hold_release_due_at, hold_release_attempts, hold_release_outcome,
				       hold_released_at
				from billing.payment where member_id = :member and purpose = 'renewal' order by id desc limit 1
				""").param("member", held.member()).query().singleRow();
	}

}
