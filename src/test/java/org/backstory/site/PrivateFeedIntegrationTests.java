package org.backstory.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.backstory.Visitor;
import org.backstory.billing.BillingFixtures;
import org.backstory.billing.BillingInterval;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.SandboxCards;
import org.backstory.billing.checkout.CheckoutService;
import org.backstory.billing.subscription.SubscriptionChanges;
import org.backstory.members.FeedLinks;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.backstory.members.MembersProbe;
import org.backstory.members.SignedInMember;
import org.backstory.publishing.ArticleDraft;
import org.backstory.publishing.ArticleEditor;
import org.backstory.publishing.ArticleFixtures;
import org.backstory.publishing.SettableClock;
import org.backstory.publishing.SystemPublisher;
import org.backstory.publishing.TaxonomyCreator;
import org.backstory.publishing.Visibility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Members' private feeds (issue 13 §2): the address on the account page, its reset, and
 * full text for exactly what the member may read at the moment of the fetch, with no
 * stale copy past a change of access.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SettableClock.Configuration.class)
class PrivateFeedIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	FeedLinks feedLinks;

	@Autowired
	MemberDirectory directory;

	@Autowired
	CheckoutService checkouts;

	@Autowired
	PlanCatalog plans;

	@Autowired
	SubscriptionChanges changes;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SettableClock clock;

	ArticleFixtures fixtures;

	@Autowired
	void fixtures(ArticleEditor editor, SystemPublisher systemPublisher, TaxonomyCreator taxonomyCreator) {
		this.fixtures = new ArticleFixtures(editor, systemPublisher, taxonomyCreator);
	}

	@Test
	void theAccountPageShowsOneFeedAddressUntilResetAndResetStopsTheOldOneAtOnce() throws Exception {
		String email = MemberFixtures.reader(directory, "feeds");
		Visitor member = new Visitor(port);
		assertThat(member.signIn(email, MemberFixtures.PASSWORD).status()).isEqualTo(302);

		String address = feedAddress(member);
		assertThat(feedAddress(member)).isEqualTo(address);
		assertThat(address).matches("http://[^/]+/feed/[A-Za-z0-9_-]{43}\\.xml");
		Visitor.Page feed = new Visitor(port).get(path(address));
		assertThat(feed.status()).isEqualTo(200);
		assertThat(feed.header("Content-Type")).startsWith("application/rss+xml");
		assertThat(feed.header("Cache-Control")).isEqualTo(ReadingCacheHeaders.PRIVATE_FEED);
		assertThat(feed.body()).doesNotContain(address);
		String token = path(address).replaceAll("^/feed/|\\.xml$", "");
		byte[] sealed = MembersProbe.sealedFeedToken(jdbc, token);
		assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(token);

		Visitor.Page reset = member.submit("/account", "/account/feed-link", Map.of());

		assertThat(reset.status()).isEqualTo(303);
		assertThat(new Visitor(port).get(path(address)).status()).isEqualTo(404);
		Visitor.Page account = member.get("/account");
		assertThat(account.document().select(".notice").text()).contains("new address");
		String newAddress = account.document().selectFirst("input.feed-url").attr("value");
		assertThat(newAddress).isNotEqualTo(address);
		assertThat(new Visitor(port).get(path(newAddress)).status()).isEqualTo(200);
	}

	@Test
	void resettingNeedsTheFormsCsrfToken() {
		String email = MemberFixtures.reader(directory, "feeds-csrf");
		Visitor member = new Visitor(port);
		member.signIn(email, MemberFixtures.PASSWORD);
		String address = feedAddress(member);

		assertThat(member.post("/account/feed-link", Map.of()).status()).isEqualTo(403);
		assertThat(new Visitor(port).get(path(address)).status()).isEqualTo(200);
	}

	@Test
	void aPayingMembersFeedCarriesTheWholeTextAndAFreeMembersThePreview() {
		ArticleDraft paid = fixtures.published(Visibility.paid());
		SignedInMember subscriber = subscriber();
		SignedInMember free = BillingFixtures.registeredMember(directory);

		String paying = privateFeed(subscriber.id()).body();
		String previews = privateFeed(free.id()).body();

		assertThat(paying).contains("Free paragraph of " + paid.slug(), "Gated paragraph of " + paid.slug());
		assertThat(previews).contains("Free paragraph of " + paid.slug())
			.doesNotContain("Gated paragraph of " + paid.slug());
		assertThat(new Visitor(port).get("/feed.xml").body()).doesNotContain("Gated paragraph of " + paid.slug());
	}

	@Test
	void aSubscriptionEndedByStaffTurnsTheFeedToPreviewsAtOnceWithANewEtag() {
		ArticleDraft paid = fixtures.published(Visibility.paid());
		SignedInMember subscriber = subscriber();
		Visitor.Page whole = privateFeed(subscriber.id());
		assertThat(whole.body()).contains("Gated paragraph of " + paid.slug());
		assertThat(new Visitor(port).get(path(subscriber.id()), "If-None-Match", whole.header("ETag")).status())
			.isEqualTo(304);
		assertThat(new Visitor(port).get(path(subscriber.id()), "If-Modified-Since", whole.header("Last-Modified"))
			.status()).isEqualTo(304);

		changes.cancelNow(ownerId(), subscriber.id(), false);
		Visitor.Page byEtag = new Visitor(port).get(path(subscriber.id()), "If-None-Match", whole.header("ETag"));
		Visitor.Page byDate = new Visitor(port).get(path(subscriber.id()), "If-Modified-Since",
				whole.header("Last-Modified"));

		for (Visitor.Page after : List.of(byEtag, byDate)) {
			assertThat(after.status()).isEqualTo(200);
			assertThat(after.body()).contains("Free paragraph of " + paid.slug(), "Continue reading")
				.doesNotContain("Gated paragraph of " + paid.slug());
		}
		assertThat(byEtag.header("ETag")).isNotEqualTo(whole.header("ETag"));
	}

	@Test
	void aSubscriptionCanceledByTheMemberKeepsTheWholeTextUntilItsPeriodEndsThenPreviews() {
		ArticleDraft paid = fixtures.published(Visibility.paid());
		SignedInMember subscriber = subscriber();
		changes.cancel(subscriber.id());
		assertThat(privateFeed(subscriber.id()).body()).contains("Gated paragraph of " + paid.slug());

		clock.advance(Duration.ofDays(40));
		try {
			assertThat(privateFeed(subscriber.id()).body()).contains("Free paragraph of " + paid.slug())
				.doesNotContain("Gated paragraph of " + paid.slug());
		}
		finally {
			clock.reset();
		}
	}

	@Test
	void editorsReadEveryArticleWholeInTheirFeedAsOnTheSite() {
		ArticleDraft tiered = fixtures.published(Visibility.paid());
		long editor = directory.findByEmail(MemberFixtures.account(directory, "feed-editor", MemberRole.EDITOR))
			.orElseThrow()
			.id();

		assertThat(privateFeed(editor).body()).contains("Gated paragraph of " + tiered.slug());
	}

	@Test
	void unknownResetAndMalformedTokensAnswer404NeverAServerError() {
		String unknown = "A".repeat(43);
		for (String token : List.of(unknown, "short", "a.b", "%00", "%FF%FE", "x".repeat(10_000), "A".repeat(42) + "~",
				"..%2F..%2Fetc")) {
			Visitor.Page page = new Visitor(port).get("/feed/" + token + ".xml");
			assertThat(page.status()).as(token.length() > 50 ? "long token" : token).isIn(400, 404);
		}
		assertThat(new Visitor(port).get("/feed/" + unknown + ".xml").status()).isEqualTo(404);
	}

	private SignedInMember subscriber() {
		return BillingFixtures.subscribedMember(directory, checkouts, plans.activePlan("supporter").orElseThrow(),
				BillingInterval.MONTH, SandboxCards.SUCCEEDS);
	}

	private long ownerId() {
		return directory.findByEmail("owner@demo.test").orElseThrow().id();
	}

	private Visitor.Page privateFeed(long memberId) {
		Visitor.Page feed = new Visitor(port).get(path(memberId));
		assertThat(feed.status()).isEqualTo(200);
		return feed;
	}

	/**
	 * The member's feed path as the account page shows it (the same token: made once,
	 * kept sealed).
	 */
	private String path(long memberId) {
		return "/feed/" + feedLinks.tokenOf(memberId) + ".xml";
	}

	private static String path(String address) {
		return address.replaceFirst("^https?://[^/]+", "");
	}

	private static String feedAddress(Visitor member) {
		Visitor.Page account = member.get("/account");
		assertThat(account.status()).isEqualTo(200);
		return account.document().selectFirst("input.feed-url").attr("value");
	}

}
