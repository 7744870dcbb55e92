package org.backstory.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.backstory.billing.Entitlement.Status;
import org.backstory.billing.Entitlements;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberProfile;
import org.backstory.members.MemberRole;
import org.backstory.newsletters.Newsletter;
import org.backstory.newsletters.Newsletters;
import org.backstory.newsletters.OptIns;
import org.backstory.publishing.ArticleCatalog;
import org.backstory.publishing.PublicationService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The test database is started with {@code backstory.demo=true}, so it holds the demo publication. */
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
		long before = jdbc.sql("select count(*) from publishing.article").query(Long.class).single();
		int newslettersBefore = newsletters.all().size();

		seeder.run(new DefaultApplicationArguments());

		assertThat(jdbc.sql("select count(*) from publishing.article").query(Long.class).single()).isEqualTo(before);
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
