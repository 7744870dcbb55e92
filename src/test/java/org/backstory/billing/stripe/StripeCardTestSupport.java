package org.backstory.billing.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.backstory.billing.stripe.StripeStandIn.id;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.backstory.Visitor;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.card.CardService;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the tests of Stripe's own card page share: a signed-in reader for whom the Stripe
 * stand-in starts a setup session and completes it with a Visa card, and the return
 * address Stripe would send them back to.
 */
abstract class StripeCardTestSupport {

	private static final Pattern SUCCESS_URL = Pattern.compile("success_url=([^&]*)");

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory directory;

	@Autowired
	PlanCatalog catalog;

	@Autowired
	CardService cards;

	final WireMockServer stripe = StripeStandIn.shared();

	Visitor visitor;

	long member;

	String customer;

	String session;

	String card;

	/** The start of the reader's address, which tells this class's readers apart. */
	abstract String readerName();

	@BeforeEach
	void readerWithACardOnStripesPage() {
		String email = MemberFixtures.reader(directory, readerName());
		member = directory.findByEmail(email).orElseThrow().id();
		visitor = new Visitor(port);
		visitor.signIn(email, MemberFixtures.PASSWORD);
		customer = id("cus");
		session = id("cs");
		card = id("pm");
		StripeStandIn.setupStarts(stripe, member, customer, session);
		StripeStandIn.completedSetup(stripe, session, member, customer,
				StripeStandIn.paymentMethod(card, customer, "visa", "4242", 9, 2031));
	}

	/**
	 * The page Stripe sends the member back to, as a local path, with the session id
	 * filled in.
	 */
	String returnPath() {
		LoggedRequest created = stripe
			.findAll(postRequestedFor(urlPathEqualTo("/v1/checkout/sessions"))
				.withFormParam("metadata[backstory_member_id]", equalTo(Long.toString(member))))
			.get(0);
		Matcher successUrl = SUCCESS_URL.matcher(created.getBodyAsString());
		assertThat(successUrl.find()).isTrue();
		return URLDecoder.decode(successUrl.group(1), StandardCharsets.UTF_8)
			.replaceFirst("^https?://[^/]+", "")
			.replace("{CHECKOUT_SESSION_ID}", session);
	}

}
