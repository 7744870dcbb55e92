package org.backstory.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.backstory.Visitor;
import org.backstory.publishing.ArticleEditor;
import org.backstory.publishing.ArticleFixtures;
import org.backstory.publishing.Entities;
import org.backstory.publishing.Entity;
import org.backstory.publishing.PublishingProbe;
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
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * People, places and organisations in the readers' search (issue 14 §4): found by name,
 * alias or bio, names before bios, the bio as the snippet, above the articles on the
 * first page of a search without filters; never by what their quotes say.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EntitySearchIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ArticleEditor editor;

	@Autowired
	SystemPublisher systemPublisher;

	@Autowired
	TaxonomyCreator taxonomyCreator;

	@Autowired
	Entities entities;

	@Autowired
	JdbcClient jdbc;

	SearchFixtures fixtures;

	final List<Long> seeded = new ArrayList<>();

	@BeforeAll
	void fixtures() {
		fixtures = new SearchFixtures(editor, systemPublisher, taxonomyCreator);
	}

	@AfterAll
	void putBack() {
		fixtures.unpublishAll();
		PublishingProbe.forgetEntities(jdbc, seeded);
	}

	@Test
	void anEntityIsFoundByNameAndByAliasWithItsBioAsTheSnippet() {
		String surname = SearchFixtures.word("varkel");
		String alias = SearchFixtures.word("thondor");
		Entity entity = seed("person", "Ilse " + surname,
				"Harbour master of Sael since 2014, the first woman to hold the post.", List.of("The " + alias));

		for (String query : List.of(surname, alias, "ilse " + surname)) {
			Document page = search(query);
			assertThat(page.select(".search-entities li a").eachAttr("href")).as(query)
				.containsExactly("/who/" + entity.slug());
			assertThat(page.select(".search-entities .kind").text()).isEqualTo("Person");
			assertThat(page.select(".search-entities .aliases").text()).isEqualTo("Also: The " + alias);
			assertThat(page.select(".search-entities .snippet").text())
				.isEqualTo("Harbour master of Sael since 2014, the first woman to hold the post.");
		}
		assertThat(search(surname).select(".search-entities li a mark").text()).isEqualTo(surname);
	}

	@Test
	void aBioMatchFindsTheEntityBelowOnesNamedByTheQuery() {
		String word = SearchFixtures.word("quellan");
		Entity inBio = seed("organisation", "Strait Pilots " + SearchFixtures.word("x"),
				"Founded to guide ships past the " + word + " shoals.", List.of());
		Entity named = seed("place", "Port " + word, "", List.of());
		Entity exact = seed("place", "Old town " + SearchFixtures.word("y"), "", List.of(word));

		Document page = search(word);

		assertThat(page.select(".search-entities li a").eachAttr("href")).containsExactly("/who/" + exact.slug(),
				"/who/" + named.slug(), "/who/" + inBio.slug());
		assertThat(page.select(".search-entities li").get(2).select(".snippet mark").text()).isEqualTo(word);
	}

	@Test
	void entitiesAreAboveTheArticlesOnlyOnTheFirstPageOfASearchWithoutFilters() {
		String word = SearchFixtures.word("morrow");
		Entity entity = seed("person", "Dana " + word, "", List.of());
		Tag tag = taxonomyCreator.createTag(ArticleFixtures.unique("entity-search"), "Entity search " + word);
		for (int i = 0; i < 11; i++) {
			fixtures.publish("Notes on " + word + " " + i, "", "A plain body.", Visibility.everyone(),
					List.of(tag.slug()));
		}

		Document first = search(word);
		assertThat(first.select(".search-entities li a").eachAttr("href")).containsExactly("/who/" + entity.slug());
		assertThat(first.select(".search-entities + .search-summary")).hasSize(1);
		assertThat(first.select(".search-results li")).hasSize(10);
		assertThat(search(word, "&page=2").select(".search-entities")).isEmpty();
		assertThat(search(word, "&tag=" + tag.slug()).select(".search-entities")).isEmpty();
	}

	@Test
	void aSearchForWordsAnEntityOnlySaidFindsNoEntity() {
		String surname = SearchFixtures.word("ostrev");
		String said = SearchFixtures.word("grelling");
		Entity entity = seed("person", "Pavo " + surname, "A fisherman.", List.of());
		fixtures.publish("Quoted", "", """
				Pavo %s spoke on the quay.

				> "The %s nets are empty." — Pavo %s, 2019-04-02
				""".formatted(surname, said, surname), Visibility.everyone(), List.of());

		assertThat(search(surname).select(".search-entities li a").eachAttr("href"))
			.containsExactly("/who/" + entity.slug());
		Document page = search(said);
		assertThat(page.select(".search-entities")).isEmpty();
		assertThat(page.select(".search-results li h2 a").eachText()).containsExactly("Quoted");
	}

	@Test
	void anEntityMatchAloneIsNoReasonToSuggestAnotherSearch() {
		String word = SearchFixtures.word("brisket");
		seed("place", "Cape " + word, "", List.of());

		Document page = search(word);

		assertThat(page.select(".search-entities li")).hasSize(1);
		assertThat(page.select(".search-summary").text()).startsWith("0 results");
		assertThat(page.select(".did-you-mean")).isEmpty();
	}

	private Entity seed(String kind, String name, String bio, List<String> aliases) {
		String slug = ArticleFixtures.unique("search-entity");
		Entity entity = entities.seed(kind, slug, name, bio, aliases);
		seeded.add(entity.id());
		return entity;
	}

	/**
	 * The search page for the query, with any further parameters ({@code "&page=2"}) as
	 * they are.
	 */
	private Document search(String query, String... more) {
		Visitor.Page page = new Visitor(port)
			.get("/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + String.join("", more));
		assertThat(page.status()).isEqualTo(200);
		return page.document();
	}

}
