package org.backstory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;

import org.backstory.billing.BillingFixtures;
import org.backstory.billing.BillingProbe;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.SandboxCards;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.newsletters.Newsletter;
import org.backstory.newsletters.NewsletterFixtures;
import org.backstory.newsletters.Newsletters;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Requests of one signed-in session sent at the same moment (double clicks, several tabs)
 * never fail: each session-writing route gets {@value #AT_ONCE} parallel posts in one
 * session, for several rounds, and every answer is the route's own, with the effect it
 * should have once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionConcurrencyIntegrationTests {

	private static final int AT_ONCE = 20;

	private static final int ROUNDS = 3;

	/**
	 * A submit told "already subscribed" by mistake needs a slow submit that spans a
	 * whole other checkout: more rounds to meet it (on the code before the fix, ten
	 * rounds met it in every run tried).
	 */
	private static final int CHECKOUT_ROUNDS = 10;

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory members;

	@Autowired
	PlanCatalog plans;

	@Autowired
	Newsletters newsletters;

	@Autowired
	JdbcClient jdbc;

	@Test
	void oneCheckoutFormSubmittedTwentyTimesAtOnceChargesOnceAndEverySubmitSaysSubscribed() throws Exception {
		Plan plan = plans.createPlan(BillingFixtures.newPlan());
		for (int round = 0; round < CHECKOUT_ROUNDS; round++) {
			String email = MemberFixtures.reader(members, "checkout-race");
			Visitor reader = signedIn(email);
			String formPage = "/checkout/" + plan.code() + "?next=/account/billing";
			Map<String, String> form = form(reader, formPage, "/checkout/" + plan.code());
			form.putAll(Map.of("nameOnCard", "Ada Reader", "cardNumber", SandboxCards.SUCCEEDS, "expiry",
					BillingFixtures.expiryField(), "cvc", "123"));

			List<Visitor.Page> answers = atOnce(i -> reader.post("/checkout/" + plan.code(), form));

			assertThat(answers).extracting(Visitor.Page::status).containsOnly(303);
			// A submit told "already subscribed" would be sent to /account instead.
			assertThat(answers).extracting(page -> page.header("Location"))
				.allMatch(l -> l.endsWith("/account/billing"));
			long member = members.findByEmail(email).orElseThrow().id();
			assertThat(BillingProbe.paymentsOf(jdbc, member)).isEqualTo(1);
			assertThat(BillingProbe.sandboxChargesWithKeyEndingIn(jdbc, form.get("attempt"))).isEqualTo(1);
		}
	}

	@Test
	void aNameChangedTwentyTimesAtOnceKeepsOneOfTheNames() throws Exception {
		for (int round = 0; round < ROUNDS; round++) {
			String email = MemberFixtures.reader(members, "rename-race");
			Visitor reader = signedIn(email);
			Map<String, String> form = form(reader, "/account/profile", "/account/profile");

			List<Visitor.Page> answers = atOnce(i -> reader.post("/account/profile", with(form, "name", "Name " + i)));

			assertThat(answers).extracting(Visitor.Page::status).containsOnly(302);
			assertThat(answers).extracting(page -> page.header("Location"))
				.allMatch(l -> l.endsWith("/account/profile?saved"));
			assertThat(members.findByEmail(email).orElseThrow().name()).matches("Name \\d+");
			assertThat(reader.get("/account").status()).isEqualTo(200);
		}
	}

	@Test
	void newsletterChoicesSavedTwentyTimesAtOnceAnswerEachAndShowTheNotice() throws Exception {
		Newsletter newsletter = NewsletterFixtures.newsletter(newsletters, "session-race", false);
		for (int round = 0; round < ROUNDS; round++) {
			Visitor reader = signedIn(MemberFixtures.reader(members, "newsletter-race"));
			Map<String, String> form = form(reader, "/account/newsletters", "/account/newsletters");

			List<Visitor.Page> answers = atOnce(i -> reader.post("/account/newsletters",
					with(form, "newsletter", String.valueOf(newsletter.id()))));

			assertThat(answers).extracting(Visitor.Page::status).containsOnly(303);
			assertThat(reader.get("/account/newsletters").document().select("p.notice").text())
				.isEqualTo("Your choice is saved.");
		}
	}

	@Test
	void anAdminActionPostedTwentyTimesAtOnceAnswersEachWithItsRedirect() throws Exception {
		Visitor owner = Visitor.demoAccount(port, "owner@demo.test");
		for (int round = 0; round < ROUNDS; round++) {
			long member = members.findByEmail(MemberFixtures.reader(members, "note-race")).orElseThrow().id();
			String page = "/admin/members/" + member;
			Map<String, String> form = form(owner, page, page + "/note");

			List<Visitor.Page> answers = atOnce(i -> owner.post(page + "/note", with(form, "note", "Note " + i)));

			assertThat(answers).extracting(Visitor.Page::status).containsOnly(303);
			assertThat(owner.get(page).document().select("p.notice").text()).isEqualTo("The note is saved.");
		}
	}

	@Test
	void signingOutWhilePagesAreBeingViewedAndPostedEndsTheSessionWithoutAnError() throws Exception {
		for (int round = 0; round < ROUNDS; round++) {
			String email = MemberFixtures.reader(members, "signout-race");
			long member = members.findByEmail(email).orElseThrow().id();
			Visitor reader = signedIn(email);
			Map<String, String> profile = form(reader, "/account/profile", "/account/profile");
			Map<String, String> signOut = form(reader, "/account", "/logout");

			List<Visitor.Page> answers = atOnce(i -> switch (i % 4) {
				case 0 -> i == 0 ? reader.post("/logout", signOut) : reader.get("/account/newsletters");
				case 1 -> reader.post("/account/profile", with(profile, "name", "Renamed " + i));
				default -> reader.get("/account");
			});

			assertThat(answers).extracting(Visitor.Page::status).allMatch(status -> status < 500);
			assertThat(MemberFixtures.sessionsOf(jdbc, member)).isZero();
			assertThat(reader.get("/account").status()).isEqualTo(302);
		}
	}

	@Test
	void signingInTwentyTimesAtOnceInOneSessionNeverFails() throws Exception {
		for (int round = 0; round < ROUNDS; round++) {
			String email = MemberFixtures.reader(members, "signin-race");
			Visitor reader = signedIn(email);
			Map<String, String> signIn = form(reader, "/login", "/login");
			signIn.putAll(Map.of("email", email, "password", MemberFixtures.PASSWORD));

			List<Visitor.Page> answers = atOnce(i -> reader.post("/login", signIn));

			assertThat(answers).extracting(Visitor.Page::status).allMatch(status -> status < 500);
		}
	}

	private Visitor signedIn(String email) {
		Visitor visitor = new Visitor(port);
		assertThat(visitor.signIn(email, MemberFixtures.PASSWORD).status()).isEqualTo(302);
		return visitor;
	}

	/**
	 * The hidden fields (the CSRF token of this session among them) of the form posting
	 * to {@code action}.
	 */
	private static Map<String, String> form(Visitor visitor, String page, String action) {
		Element form = visitor.get(page).document().selectFirst("form[action=" + action + "]:not([method=get])");
		assertThat(form).as("a form posting to %s on %s", action, page).isNotNull();
		Map<String, String> fields = new LinkedHashMap<>();
		form.select("input[type=hidden]").forEach(input -> fields.put(input.attr("name"), input.attr("value")));
		return fields;
	}

	private static Map<String, String> with(Map<String, String> fields, String name, String value) {
		Map<String, String> changed = new LinkedHashMap<>(fields);
		changed.put(name, value);
		return changed;
	}

	private static List<Visitor.Page> atOnce(IntFunction<Visitor.Page> request) throws Exception {
		List<Callable<Visitor.Page>> tasks = new ArrayList<>();
		for (int i = 0; i < AT_ONCE; i++) {
			int n = i;
			tasks.add(() -> request.apply(n));
		}
		return AllAtOnce.run(tasks);
	}

}
