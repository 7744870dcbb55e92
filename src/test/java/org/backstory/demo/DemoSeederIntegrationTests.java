package org.backstory.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.backstory.billing.Entitlement.Status;
import org.backstory.billing.Entitlements;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberProfile;
import org.backstory.members.MemberRole;
import org.backstory.newsletters.Newsletter;
import org.backstory.newsletters.Newsletters;
import org.backstory.newsletters.OptIns;
import org.backstory.publishing.Article;
import org.backstory.publishing.ArticleCatalog;
import org.backstory.publishing.ArticleLookup;
import org.backstory.publishing.LinkedEvent;
import org.backstory.publishing.PublishingProbe;
import org.backstory.publishing.StorylineEvents;
import org.backstory.publishing.PublicationService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The test database is started with {@code backstory.demo=true}, so it holds the demo
 * publication.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoSeederIntegrationTests {

	@Autowired
	DemoSeeder seeder;

	@Autowired
	MemberDirectory members;

	@Autowired
	Entitlements entitlements;

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	PublicationService publications;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Newsletters newsletters;

	@Autowired
	OptIns optIns;

	@Autowired
	StorylineEvents events;

	@Test
	void seedsTheDemoAccountsWithTheirRolesAndSubscriptions() {
		assertThat(role("owner@demo.test")).isEqualTo(MemberRole.OWNER);
		assertThat(role("admin@demo.test")).isEqualTo(MemberRole.ADMINISTRATOR);
		assertThat(role("editor@demo.test")).isEqualTo(MemberRole.EDITOR);
		assertThat(role("author@demo.test")).isEqualTo(MemberRole.AUTHOR);
		assertThat(role("contributor@demo.test")).isEqualTo(MemberRole.CONTRIBUTOR);
		assertThat(entitlements.of(id("reader@demo.test")).status()).isEqualTo(Status.NONE);
		assertThat(entitlements.of(id("subscriber@demo.test")).status()).isEqualTo(Status.ACTIVE);
		assertThat(entitlements.of(id("lapsed@demo.test")).status()).isEqualTo(Status.PAST_DUE);
	}

	@Test
	void seedsThePublicationAndEveryDemoArticle() {
		assertThat(publications.publication().name()).isEqualTo("The Undercurrent");
		assertThat(DemoContent.load().articles())
			.allSatisfy(article -> assertThat(catalog.bySlug(article.get("slug"))).isPresent());
		assertThat(catalog.inStoryline("kestria-orvenna-thaw")).hasSizeGreaterThanOrEqualTo(4);
	}

	@Test
	void seedsTheStorylinesEventsOverSeveralYearsWithKeyEventsQuotesAndTheirArticles() {
		List<LinkedEvent> timeline = events.timeline("kestria-orvenna-thaw");

		assertThat(timeline).hasSize(9);
		assertThat(timeline.get(timeline.size() - 1).event().date().date().getYear()
				- timeline.get(0).event().date().date().getYear())
			.isGreaterThanOrEqualTo(3);
		assertThat(timeline).filteredOn(linked -> linked.event().key()).hasSizeGreaterThanOrEqualTo(4);
		assertThat(timeline).filteredOn(linked -> !linked.event().quote().isEmpty()).hasSizeGreaterThanOrEqualTo(2);
		assertThat(timeline).filteredOn(linked -> linked.article() != null)
			.extracting(linked -> linked.article().slug())
			.containsExactly("tamsel-strait-standoff", "port-anselm-summits", "halvard-deal-collapse",
					"a-phone-call-from-sael");
		Article latest = ((ArticleLookup.Found) catalog.bySlug("a-phone-call-from-sael").orElseThrow()).article();
		assertThat(events.storySoFar("kestria-orvenna-thaw", latest.id(),
				LocalDate.ofInstant(latest.publishedAt(), ZoneOffset.UTC)))
			.hasSize(StorylineEvents.STORY_SO_FAR);
	}

	@Test
	void seedsTwoNewslettersAndOptsTheDemoAccountsIntoBoth() {
		Newsletter weekly = newsletter("weekly");
		Newsletter breaking = newsletter("breaking-explainers");

		assertThat(weekly.name()).isEqualTo("The Backstory Weekly");
		assertThat(weekly.defaultOn()).isTrue();
		assertThat(breaking.name()).isEqualTo("Breaking explainers");
		assertThat(breaking.defaultOn()).isFalse();
		assertThat(weekly.senderAddress()).isEqualTo(DemoNewsletters.SENDER);
		assertThat(DemoSeeder.ACCOUNTS)
			.allSatisfy(email -> assertThat(optIns.of(id(email))).contains(weekly.id(), breaking.id()));
	}

	@Test
	void runningAgainSeedsNothingTwice() throws Exception {
		long before = PublishingProbe.articleCount(jdbc);
		int newslettersBefore = newsletters.all().size();

		seeder.run(new DefaultApplicationArguments());

		assertThat(PublishingProbe.articleCount(jdbc)).isEqualTo(before);
		assertThat(newsletters.all()).hasSize(newslettersBefore);
	}

	private Newsletter newsletter(String slug) {
		return newsletters.all().stream().filter(n -> n.slug().equals(slug)).findFirst().orElseThrow();
	}

	private MemberRole role(String email) {
		return profile(email).role();
	}

	private long id(String email) {
		return profile(email).id();
	}

	private MemberProfile profile(String email) {
		return members.findByEmail(email).orElseThrow();
	}

}
