package org.backstory.admin.members.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.backstory.Visitor;
import org.backstory.billing.BillingFixtures;
import org.backstory.billing.BillingInterval;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.SandboxCards;
import org.backstory.billing.checkout.Checkout;
import org.backstory.billing.checkout.CheckoutOutcome;
import org.backstory.billing.checkout.CheckoutService;
import org.backstory.email.SentMail;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.backstory.members.MembersProbe;
import org.backstory.members.NewAccount;
import org.backstory.publishing.ArticleDraft;
import org.backstory.publishing.ArticleEditor;
import org.backstory.publishing.ArticleFixtures;
import org.backstory.publishing.SettableClock;
import org.backstory.publishing.SystemPublisher;
import org.backstory.publishing.TaxonomyCreator;
import org.backstory.publishing.Visibility;
import org.backstory.shared.Dates;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A member's activity on their staff page, and "last seen" written at most once a day: a
 * reader signs up from an article, confirms, opts in and out of a newsletter, subscribes
 * and gifts the article, an hour apart each, and the page lists it all newest first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SettableClock.Configuration.class)
class MemberActivityIntegrationTests {

	private static final String PASSWORD = "activity-password";

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory directory;

	@Autowired
	PlanCatalog plans;

	@Autowired
	CheckoutService checkouts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ArticleEditor editor;

	@Autowired
	TaxonomyCreator taxonomyCreator;

	@Autowired
	SystemPublisher systemPublisher;

	@Autowired
	SettableClock clock;

	@AfterEach
	void realTime() {
		clock.reset();
	}

	@Test
	void theActivityListsWhatTheMemberDidNewestFirst() {
		ArticleDraft article = new ArticleFixtures(editor, systemPublisher, taxonomyCreator)
			.published(Visibility.paid());
		Plan plan = plans.createPlan(BillingFixtures.newPlan());
		String email = MemberFixtures.uniqueEmail("activity");
		Visitor reader = new Visitor(port);
		assertThat(
				reader.submit("/signup?article=" + article.id(), "/signup", Map.of("email", email, "name", "Tim Line"))
					.status())
			.isEqualTo(200);
		long memberId = directory.findByEmail(email).orElseThrow().id();
		clock.advance(Duration.ofHours(1));
		assertThat(reader.submit(SentMail.lastTo(jdbc, email).path("/verify"), "/verify", Map.of()).status())
			.isEqualTo(302);
		clock.advance(Duration.ofHours(1));
		Element choice = reader.get("/account/newsletters").document().selectFirst("input[name=newsletter]");
		String newsletter = choice.parent().ownText().strip();
		assertThat(reader.submit("/account/newsletters", "/account/newsletters", Map.of("newsletter", choice.val()))
			.status()).isEqualTo(303);
		clock.advance(Duration.ofHours(1));
		assertThat(reader.submit("/account/newsletters", "/account/newsletters", Map.of()).status()).isEqualTo(303);
		clock.advance(Duration.ofHours(1));
		assertThat(checkouts.checkout(new Checkout(memberId, email, plan.code(), BillingInterval.MONTH,
				UUID.randomUUID(), BillingFixtures.card(SandboxCards.SUCCEEDS), null, article.id())))
			.isInstanceOf(CheckoutOutcome.Subscribed.class);
		clock.advance(Duration.ofHours(1));
		String page = "/p/" + article.slug();
		assertThat(reader.submit(page, page + "/gift", Map.of()).status()).isEqualTo(303);

		Document staffPage = staff().get("/admin/members/" + memberId).document();

		List<String> kinds = staffPage.select(".activity-feed li").eachAttr("class");
		assertThat(kinds).first().isEqualTo("activity-gift-link");
		assertThat(kinds).containsSubsequence("activity-gift-link", "activity-payment", "activity-opt-out",
				"activity-opt-in", "activity-verified", "activity-signup");
		assertThat(kinds).contains("activity-subscription").last().isEqualTo("activity-signup");
		assertThat(staffPage.select(".activity-opt-out").text()).endsWith("Opted out of " + newsletter);
		assertThat(staffPage.select(".activity-opt-in").text()).endsWith("Opted in to " + newsletter);
		assertThat(staffPage.select(".activity-payment").text()).contains("Paid $5.00");
		Element signup = staffPage.selectFirst(".activity-signup");
		assertThat(signup.text()).endsWith("Signed up from " + article.title());
		assertThat(signup.select("a").attr("href")).isEqualTo(page);
		assertThat(staffPage.select(".activity-gift-link a").attr("href")).isEqualTo(page);
		assertThat(staffPage.select(".member-activity > p.meta").text()).isEqualTo(kinds.size() + " event(s).");
		assertThat(staffPage.select(".member-last-seen").text()).isEqualTo(Dates.staffDate(clock.instant()));
	}

	@Test
	void lastSeenIsWrittenOnTheFirstRequestOfADayOnly() {
		String email = MemberFixtures.uniqueEmail("seen");
		long memberId = directory.createAccount(new NewAccount(email, "Sean Seen", PASSWORD, MemberRole.MEMBER, true));
		Visitor member = new Visitor(port);
		assertThat(MembersProbe.lastSeenOf(jdbc, memberId)).isEmpty();

		// 08:00 UTC tomorrow, so the next minute is the same day.
		Instant now = clock.instant();
		clock.advance(
				Duration.between(now, now.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1)).plusSeconds(8 * 3600)));
		Instant before = clock.instant();
		member.signIn(email, PASSWORD);
		member.get("/account");
		Instant firstSeen = MembersProbe.lastSeenOf(jdbc, memberId).orElseThrow();
		clock.advance(Duration.ofMinutes(1));
		member.get("/account");
		Instant sameDay = MembersProbe.lastSeenOf(jdbc, memberId).orElseThrow();
		clock.advance(Duration.ofDays(1));
		Instant nextDay = clock.instant();
		member.get("/account");
		Instant seenAgain = MembersProbe.lastSeenOf(jdbc, memberId).orElseThrow();

		assertThat(firstSeen).isBetween(before, before.plusSeconds(60));
		assertThat(sameDay).as("no write on a later request that day").isEqualTo(firstSeen);
		assertThat(seenAgain).isBetween(nextDay, nextDay.plusSeconds(60));
	}

	private Visitor staff() {
		String email = MemberFixtures.account(directory, "activity", MemberRole.EDITOR);
		Visitor visitor = new Visitor(port);
		visitor.signIn(email, MemberFixtures.PASSWORD);
		return visitor;
	}

}
