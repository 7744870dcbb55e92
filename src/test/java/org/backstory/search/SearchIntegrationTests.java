package org.backstory.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.backstory.Visitor;
import org.backstory.publishing.ArticleDraft;
import org.backstory.publishing.ArticleEditor;
import org.backstory.publishing.ArticleFixtures;
import org.backstory.publishing.Author;
import org.backstory.publishing.Storyline;
import org.backstory.publishing.SystemPublisher;
import org.backstory.publishing.Tag;
import org.backstory.publishing.TaxonomyCreator;
import org.backstory.publishing.Visibility;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The readers' search over HTTP: matching, ranking, order, filters, pages, badges,
 * snippets and suggestions.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ArticleEditor editor;

	@Autowired
	TaxonomyCreator taxonomyCreator;

	@Autowired
	SystemPublisher systemPublisher;

	@Autowired
	Clock clock;

	SearchFixtures fixtures;

	@BeforeAll
	void fixtures() {
		fixtures = new SearchFixtures(editor, systemPublisher, taxonomyCreator);
	}

	@AfterAll
	void takeBackTheArticles() {
		fixtures.unpublishAll();
	}

	@Test
	void titleMatchesRankAboveDekAndTagsAboveTextWhateverTheirAge() {
		String word = SearchFixtures.word("kestria");
		Tag tag = taxonomyCreator.createTag(ArticleFixtures.unique("search-tag"), "About " + word);
		fixtures.publish("The " + word + " report", "", "A plain body.", Visibility.everyone(), List.of());
		fixtures.publish("Ferry notes", "On the " + word + " thaw", "A plain body.", Visibility.everyone(), List.of());
		fixtures.publish("Tagged notes", "", "A plain body.", Visibility.everyone(), List.of(tag.slug()));
		fixtures.publish("Harbour notes", "", "The " + word + " turned up in the text.", Visibility.everyone(),
				List.of());

		Document page = search("?q=" + word);

		List<String> titles = titles(page);
		assertThat(titles).hasSize(4);
		assertThat(titles.get(0)).isEqualTo("The " + word + " report");
		assertThat(titles.subList(1, 3)).containsExactlyInAnyOrder("Ferry notes", "Tagged notes");
		assertThat(titles.get(3)).isEqualTo("Harbour notes");
		assertThat(page.select(".search-summary").text()).startsWith("4 results for “" + word + "”");
		assertThat(titles(search("?q=" + word + "&sort=newest"))).containsExactly("Harbour notes", "Tagged notes",
				"Ferry notes", "The " + word + " report");
	}

	@Test
	void theQueryUsesWebSearchSyntax() {
		String first = SearchFixtures.word("orbal");
		String second = SearchFixtures.word("quinth");
		String third = SearchFixtures.word("vastre");
		fixtures.publish("Phrase kept", "", "We saw " + first + " " + second + " together.", Visibility.everyone(),
				List.of());
		fixtures.publish("Phrase broken", "", second + " came before " + first + " and " + third + ".",
				Visibility.everyone(), List.of());

		assertThat(titles(search("?q=" + encode("\"" + first + " " + second + "\"")))).containsExactly("Phrase kept");
		assertThat(titles(search("?q=" + encode(first + " -" + third)))).containsExactly("Phrase kept");
		assertThat(titles(search("?q=" + encode(first + " " + third)))).containsExactly("Phrase broken");
		assertThat(titles(search("?q=" + encode(third + " or " + SearchFixtures.word("absent")))))
			.containsExactly("Phrase broken");
	}

	@Test
	void accentsAndWordFormsAreIgnored() {
		String word = SearchFixtures.word("lorth");
		fixtures.publish("Le café d'Orvénna", "", "The harbours of " + word + ".", Visibility.everyone(), List.of());

		assertThat(titles(search("?q=" + encode("orvenna cafe " + word)))).containsExactly("Le café d'Orvénna");
		assertThat(titles(search("?q=" + encode("ORVÉNNA harbour " + word)))).containsExactly("Le café d'Orvénna");
	}

	@Test
	void resultsAreFilteredByTagAuthorAndStorylineAndPagedWithTheirTotal() {
		String word = SearchFixtures.word("pellor");
		Tag tag = taxonomyCreator.createTag(ArticleFixtures.unique("search-filter"), "Filter tag");
		Author other = taxonomyCreator.createAuthor(ArticleFixtures.unique("search-other"), "Other Writer", "", null);
		Storyline story = taxonomyCreator.createStoryline(ArticleFixtures.unique("search-story"), "Search story", "");
		for (int i = 1; i <= 11; i++) {
			fixtures.publish("Part " + i, "", "Body with " + word + ".", Visibility.everyone(),
					i <= 3 ? List.of(tag.slug()) : List.of());
		}
		fixtures.publish(new ArticleDraft(null, ArticleFixtures.unique("search"), "By the other writer", "",
				"Body with " + word + ".", List.of(other.slug()), List.of(), story.slug(), 1, null,
				Visibility.everyone()));

		Document first = search("?q=" + word);
		assertThat(first.select(".search-summary").text()).startsWith("12 results");
		assertThat(titles(first)).hasSize(10);
		assertThat(first.select(".pager").text()).contains("Page 1 of 2");
		Document second = search("?q=" + word + "&page=2");
		assertThat(titles(second)).hasSize(2);
		assertThat(second.select("a[rel=prev]").attr("href")).isEqualTo("/search?q=" + word);
		assertThat(titles(search("?q=" + word + "&tag=" + tag.slug()))).containsExactlyInAnyOrder("Part 1", "Part 2",
				"Part 3");
		assertThat(titles(search("?q=" + word + "&author=" + other.slug()))).containsExactly("By the other writer");
		assertThat(titles(search("?q=" + word + "&storyline=" + story.slug()))).containsExactly("By the other writer");
		assertThat(titles(search("?q=" + word + "&page=3"))).isEmpty();
	}

	@Test
	void eachResultCarriesItsAccessBadge() {
		String word = SearchFixtures.word("badger");
		fixtures.publish("Free " + word, "", "Body.", Visibility.everyone(), List.of());
		fixtures.publish("Members " + word, "", "Body.", Visibility.members(), List.of());
		fixtures.publish("Paid " + word, "", "Body.", Visibility.paid(), List.of());
		fixtures.publish("Tiers " + word, "", "Body.", Visibility.tiers(Set.of("gold", "silver")), List.of());

		Document page = search("?q=" + word + "&sort=newest");

		assertThat(page.select(".search-results .badge").eachText()).containsExactly("Gold or Silver", "Paid",
				"Members", "Free");
	}

	@Test
	void snippetsAndTitlesAreEscapedWithTheMatchesMarked() {
		String word = SearchFixtures.word("scrib");
		fixtures.publish("Why <script>alert(1)</script> & " + word + " matter", "",
				"Harbour fees: a < b & c. Then the " + word + " arrived <img src=x onerror=alert(2)>.",
				Visibility.everyone(), List.of());

		Document page = search("?q=" + word);

		String html = page.select(".search-results").html();
		assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("onerror=alert");
		assertThat(page.select(".search-results h2 mark").eachText()).containsExactly(word);
		assertThat(page.select(".search-results .snippet mark").eachText()).containsExactly(word);
		assertThat(page.select(".search-results .snippet").text()).contains("a < b & c");
		assertThat(page.select(".search-results .snippet").html()).contains("a &lt; b &amp; c");
	}

	@Test
	void aMisspeltNameGetsADidYouMeanThatFindsIt() {
		String word = SearchFixtures.word("kestrian");
		fixtures.publish("The " + word + " thaw", "", "Body.", Visibility.everyone(), List.of());
		String typo = word.substring(0, 3) + word.substring(4);

		Document page = search("?q=" + typo);

		assertThat(page.select(".search-summary").text()).startsWith("0 results");
		assertThat(page.select(".did-you-mean a").text()).isEqualTo(word);
		assertThat(titles(search(page.select(".did-you-mean a").attr("href").substring("/search".length()))))
			.containsExactly("The " + word + " thaw");
	}

	@Test
	void onlyPublishedArticlesOnTheSiteAreFound() {
		String word = SearchFixtures.word("hidder");
		fixtures.save("Draft " + word, "", "Body.", Visibility.everyone(), List.of());
		long scheduled = fixtures.save("Scheduled " + word, "", "Body.", Visibility.everyone(), List.of());
		systemPublisher.schedule(scheduled, clock.instant().plus(Duration.ofDays(30)));
		long emailOnly = fixtures.save("Email only " + word, "", "Body.", Visibility.everyone(), List.of());
		systemPublisher.publish(emailOnly, clock.instant().minus(Duration.ofMinutes(1)), false);
		fixtures.publish("Published " + word, "", "Body.", Visibility.everyone(), List.of());

		assertThat(titles(search("?q=" + word))).containsExactly("Published " + word);
	}

	@Test
	void aReaderMatchesGatedTextOnlyWhenTheyMayReadItAndSnippetsFollow() {
		String open = SearchFixtures.word("openly");
		String secret = SearchFixtures.word("secretly");
		fixtures.publish("Gated report", "", """
				The free part mentions %s in passing.

				<!-- paywall -->

				The paid part says %s was behind it all.
				""".formatted(open, secret), Visibility.paid(), List.of());
		Visitor anonymous = new Visitor(port);
		Visitor free = Visitor.demoAccount(port, "reader@demo.test");
		Visitor subscriber = Visitor.demoAccount(port, "subscriber@demo.test");

		for (Visitor refused : List.of(anonymous, free)) {
			assertThat(titles(refused.get("/search?q=" + secret).document())).isEmpty();
			Document found = refused.get("/search?q=" + open).document();
			assertThat(titles(found)).containsExactly("Gated report");
			assertThat(found.select(".search-results").text()).contains(open).doesNotContain(secret);
		}
		Document entitled = subscriber.get("/search?q=" + secret).document();
		assertThat(titles(entitled)).containsExactly("Gated report");
		assertThat(entitled.select(".search-results .snippet mark").eachText()).containsExactly(secret);
	}

	@Test
	void searchPagesAreCachedPrivatelyForSignedInReaders() {
		String word = SearchFixtures.word("cachy");
		Visitor.Page signedIn = Visitor.demoAccount(port, "reader@demo.test").get("/search?q=" + word);
		Visitor.Page anonymous = new Visitor(port).get("/search?q=" + word);

		assertThat(signedIn.header("Cache-Control")).isEqualTo("private, no-store");
		assertThat(anonymous.header("Cache-Control")).doesNotContain("private");
		assertThat(anonymous.headers().allValues("Set-Cookie")).isEmpty();
	}

	@Test
	void badInputGetsAClearAnswerNeverAServerError() {
		Visitor visitor = new Visitor(port);

		Visitor.Page tooLong = visitor.get("/search?q=" + "a".repeat(201));
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.document().select(".error").text())
			.isEqualTo("A search can be at most 200 characters long.");
		assertThat(visitor.get("/search?q=x&page=-1").status()).isEqualTo(400);
		assertThat(visitor.get("/search?q=x&page=0").status()).isEqualTo(400);
		assertThat(visitor.get("/search?q=x&page=101").status()).isEqualTo(400);
		assertThat(visitor.get("/search?q=x&sort=best").status()).isEqualTo(400);
		for (String odd : List.of("'\"!&|:*()<>\\", "-", "\"", "or", "the", "a:* & !b", "<script>", "%00x")) {
			Visitor.Page page = visitor.get("/search?q=" + encode(odd));
			assertThat(page.status()).as(odd).isEqualTo(200);
		}
		assertThat(visitor.get("/search?q=" + encode("the")).document().select(".search-summary").text())
			.startsWith("0 results");
	}

	@Test
	void everyReaderPageHasASearchBoxInItsHeader() {
		String word = SearchFixtures.word("boxed");
		long id = fixtures.publish("Boxed " + word, "", "Body.", Visibility.everyone(), List.of());
		Visitor visitor = new Visitor(port);
		String slug = editor.statusOf(id).orElseThrow().slug();

		for (String path : List.of("/", "/p/" + slug, "/search?q=" + word, "/login")) {
			Document page = visitor.get(path).document();
			assertThat(page.select("header form[action=/search][method=get] input[name=q]")).as(path).hasSize(1);
		}
		assertThat(visitor.get("/search?q=" + word).document().select("header input[name=q]").val()).isEqualTo(word);
	}

	private Document search(String query) {
		return new Visitor(port).get("/search" + query).document();
	}

	private static List<String> titles(Document page) {
		return page.select(".search-results h2 a").eachText();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
