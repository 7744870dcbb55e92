package org.backstory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberRole;
import org.backstory.members.NewAccount;
import org.backstory.publishing.ArticleDraft;
import org.backstory.publishing.ArticleEditor;
import org.backstory.publishing.ArticleFixtures;
import org.backstory.publishing.SystemPublisher;
import org.backstory.publishing.TaxonomyCreator;
import org.backstory.publishing.Visibility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * With metering on, a free member reads one paid demo article a month in full, and is
 * told how many remain; their private feed spends none.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "backstory.access.metered-reads=1")
class MeteredReadingIntegrationTests {

	private static final String PASSWORD = "metered-password";

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory members;

	@Autowired
	ArticleEditor editor;

	@Autowired
	TaxonomyCreator taxonomyCreator;

	@Autowired
	SystemPublisher systemPublisher;

	@Test
	void aFreeMemberReadsOnePaidArticleThenMeetsTheBoxThatSaysSo() {
		String email = "metered" + ThreadLocalRandom.current().nextLong(1L << 40) + "@example.test";
		members.createAccount(new NewAccount(email, "Meta Reader", PASSWORD, MemberRole.MEMBER, true));
		Visitor reader = new Visitor(port);
		reader.signIn(email, PASSWORD);

		Visitor.Page first = reader.get("/p/port-anselm-summits");
		Visitor.Page second = reader.get("/p/halvard-deal-collapse");
		Visitor.Page firstAgain = reader.get("/p/port-anselm-summits");

		assertThat(first.body()).contains("The delegations ate lunch at separate tables");
		assertThat(first.document().select(".notice").text())
			.isEqualTo("This is your free article this month. You have 0 left.");
		assertThat(second.document().select(".paywall-box").text())
			.contains("You've read your free article this month.");
		assertThat(firstAgain.document().select(".paywall-box")).isEmpty();
	}

	/**
	 * A private feed (issue 13) is not a read: it never spends a metered read, so it
	 * carries the preview of a paid article, and the member's free read is still there
	 * for the page afterwards.
	 */
	@Test
	void aPrivateFeedNeverSpendsAMeteredRead() {
		ArticleDraft paid = new ArticleFixtures(editor, systemPublisher, taxonomyCreator).published(Visibility.paid());
		String email = "metered" + ThreadLocalRandom.current().nextLong(1L << 40) + "@example.test";
		members.createAccount(new NewAccount(email, "Feed Reader", PASSWORD, MemberRole.MEMBER, true));
		Visitor reader = new Visitor(port);
		reader.signIn(email, PASSWORD);
		String feedPath = reader.get("/account")
			.document()
			.selectFirst("input.feed-url")
			.attr("value")
			.replaceFirst("^https?://[^/]+", "");

		Visitor.Page feed = new Visitor(port).get(feedPath);
		new Visitor(port).get(feedPath);
		Visitor.Page page = reader.get("/p/" + paid.slug());

		assertThat(feed.body()).contains("Free paragraph of " + paid.slug())
			.doesNotContain("Gated paragraph of " + paid.slug());
		assertThat(page.body()).contains("Gated paragraph of " + paid.slug());
		assertThat(page.document().select(".notice").text())
			.isEqualTo("This is your free article this month. You have 0 left.");
	}

	/**
	 * An article an editor exempted from the meters (issue 16 §3) is the subscribe box
	 * for a free member with reads left, and spends none of them: the member's free read
	 * opens the next paid article.
	 */
	@Test
	void anExemptPaidArticleIsRefusedAndSpendsNoMeteredRead() {
		ArticleFixtures fixtures = new ArticleFixtures(editor, systemPublisher, taxonomyCreator);
		ArticleDraft exempt = fixtures.publishedMeterExempt(Visibility.paid());
		ArticleDraft paid = fixtures.published(Visibility.paid());
		try {
			String email = "metered" + ThreadLocalRandom.current().nextLong(1L << 40) + "@example.test";
			members.createAccount(new NewAccount(email, "Exempt Reader", PASSWORD, MemberRole.MEMBER, true));
			Visitor reader = new Visitor(port);
			reader.signIn(email, PASSWORD);

			Visitor.Page refused = reader.get("/p/" + exempt.slug());
			Visitor.Page refusedAgain = reader.get("/p/" + exempt.slug());
			Visitor.Page next = reader.get("/p/" + paid.slug());

			for (Visitor.Page page : List.of(refused, refusedAgain)) {
				assertThat(page.status()).isEqualTo(200);
				assertThat(page.body()).contains("Free paragraph of " + exempt.slug())
					.doesNotContain("Gated paragraph of " + exempt.slug());
				assertThat(page.document().select(".paywall-box").attr("data-remedy")).isEqualTo("SUBSCRIBE");
				assertThat(page.document().select(".paywall-box").text()).doesNotContain("free article");
				assertThat(page.document().select(".notice")).isEmpty();
			}
			assertThat(next.body()).contains("Gated paragraph of " + paid.slug());
			assertThat(next.document().select(".notice").text())
				.isEqualTo("This is your free article this month. You have 0 left.");
		}
		finally {
			systemPublisher.unpublish(exempt.id());
			systemPublisher.unpublish(paid.id());
		}
	}

}
