package org.backstory.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backstory.api.ContentApiFixtures.API;
import static org.backstory.api.ContentApiFixtures.encode;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.backstory.Visitor;
import org.backstory.publishing.ArticleDraft;
import org.backstory.publishing.ArticleEditor;
import org.backstory.publishing.ArticleFixtures;
import org.backstory.publishing.Entities;
import org.backstory.publishing.Entity;
import org.backstory.publishing.PublishingProbe;
import org.backstory.publishing.SystemPublisher;
import org.backstory.publishing.TaxonomyCreator;
import org.backstory.publishing.Visibility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Entities in the Content API (issue 14 §4), served as tags are: browse with limit, page,
 * filter, fields, order and {@code include=count.posts}, read by id and by slug,
 * {@code include=quotes} with only the quotes an anonymous reader may see, and posts
 * filtered by the entities their free part mentions.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContentApiEntitiesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Integrations integrations;

	@Autowired
	ArticleEditor editor;

	@Autowired
	TaxonomyCreator taxonomyCreator;

	@Autowired
	SystemPublisher systemPublisher;

	@Autowired
	Entities entities;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	Clock clock;

	private final String integration = ArticleFixtures.unique("content-api-entities");

	private final List<Long> published = new ArrayList<>();

	private String key;

	private Entity speaker;

	private Entity place;

	private String openSlug;

	private String paidSlug;

	private String gatedOnlySlug;

	private String gatedQuote;

	@BeforeAll
	void publishArticlesThatNameEntities() {
		key = ContentApiFixtures.contentKey(integrations, integration);
		String unique = ArticleFixtures.unique("api-who");
		speaker = entities.seed("person", unique, "Mira Tolland " + unique, "Mayor of Brannick.",
				List.of("Tolland " + unique));
		place = entities.seed("place", unique + "-place", "Karsk " + unique, "", List.of());
		gatedQuote = "A gated promise only paying readers may see " + unique;
		openSlug = publish(Visibility.everyone(), """
				Everyone reads about %s and %s.

				> "A public quote of %s." — %s, 2019-03-01
				""".formatted(speaker.name(), place.name(), unique, speaker.name()), 2);
		paidSlug = publish(Visibility.paid(), """
				The free part names %s.

				<!-- paywall -->

				> "%s." — %s, 2020-05-06
				""".formatted(speaker.aliases().get(0), gatedQuote, speaker.name()), 1);
		gatedOnlySlug = publish(Visibility.paid(), """
				The free part names nobody.

				<!-- paywall -->

				Only the gated part names %s.
				""".formatted(place.name()), 3);
	}

	private String publish(Visibility visibility, String body, int daysAgo) {
		ArticleDraft draft = new ArticleFixtures(editor, systemPublisher, taxonomyCreator).draft(visibility);
		long id = editor.save(new ArticleDraft(null, draft.slug(), draft.title(), draft.dek(), body,
				draft.authorSlugs(), List.of(), null, null, null, visibility));
		systemPublisher.publish(id, clock.instant().minus(Duration.ofDays(daysAgo)));
		published.add(id);
		return draft.slug();
	}

	@AfterAll
	void putBack() {
		published.forEach(systemPublisher::unpublish);
		PublishingProbe.forgetEntities(jdbc, List.of(speaker.id(), place.id()));
		ContentApiFixtures.remove(jdbc, integration);
	}

	@Test
	void entitiesAreBrowsedLikeTagsWithFilterCountsFieldsAndPages() {
		JsonNode answer = get("entities/?include=count.posts&order=name%20asc&filter="
				+ encode("slug:[" + speaker.slug() + "," + place.slug() + "]"));

		JsonNode items = answer.path("entities");
		assertThat(items).hasSize(2);
		JsonNode karsk = items.get(0);
		assertThat(karsk.path("name").asString()).isEqualTo(place.name());
		assertThat(karsk.path("kind").asString()).isEqualTo("place");
		assertThat(karsk.path("bio").isNull()).isTrue();
		assertThat(karsk.path("url").asString()).endsWith("/who/" + place.slug());
		// Named only in a gated part: not counted, as its page does not list it.
		assertThat(karsk.path("count").path("posts").asInt()).isEqualTo(1);
		JsonNode mira = items.get(1);
		assertThat(mira.path("id").asString()).isEqualTo(Long.toString(speaker.id()));
		assertThat(mira.path("bio").asString()).isEqualTo("Mayor of Brannick.");
		assertThat(mira.path("aliases")).extracting(JsonNode::asString).containsExactly("Tolland " + speaker.slug());
		assertThat(mira.path("count").path("posts").asInt()).isEqualTo(2);
		assertThat(mira.has("quotes")).isFalse();
		assertThat(answer.path("meta").path("pagination").path("total").asInt()).isEqualTo(2);

		JsonNode second = get("entities/?limit=1&page=2&fields=slug,name&order=name%20asc&filter="
				+ encode("slug:[" + speaker.slug() + "," + place.slug() + "]"));
		assertThat(second.path("entities")).hasSize(1);
		assertThat(second.path("entities").get(0).propertyNames()).containsExactlyInAnyOrder("slug", "name");
		assertThat(second.path("entities").get(0).path("slug").asString()).isEqualTo(speaker.slug());
		assertThat(second.path("meta").path("pagination").path("pages").asInt()).isEqualTo(2);
	}

	@Test
	void anEntityIsReadByIdAndBySlugAndAnUnknownOneIs404() {
		assertThat(get("entities/" + speaker.id() + "/").path("entities").get(0).path("slug").asString())
			.isEqualTo(speaker.slug());
		assertThat(get("entities/slug/" + speaker.slug() + "/").path("entities").get(0).path("name").asString())
			.isEqualTo(speaker.name());
		Visitor.Page missing = new Visitor(port).get(API + "entities/slug/no-such-entity-here/?key=" + key);
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.body()).contains("NotFoundError").contains("Entity not found.");
		assertThat(new Visitor(port).get(API + "entities/").status()).isEqualTo(403);
	}

	@Test
	void quotesAreOnlyThoseAnAnonymousReaderMaySee() {
		Visitor.Page page = new Visitor(port)
			.get(API + "entities/slug/" + speaker.slug() + "/?key=" + key + "&include=quotes");

		assertThat(page.status()).isEqualTo(200);
		JsonNode quotes = json.readTree(page.body()).path("entities").get(0).path("quotes");
		assertThat(quotes).hasSize(1);
		assertThat(quotes.get(0).path("text").asString()).isEqualTo("A public quote of " + speaker.slug() + ".");
		assertThat(quotes.get(0).path("said_on").asString()).isEqualTo("2019-03-01");
		assertThat(quotes.get(0).path("post").path("slug").asString()).isEqualTo(openSlug);
		assertThat(page.body()).doesNotContain(gatedQuote);
		assertThat(get("entities/?limit=all&include=quotes").toString()).doesNotContain(gatedQuote);
	}

	@Test
	void postsAreFilteredByTheEntitiesTheirFreePartMentions() {
		assertThat(postSlugs("entity:" + speaker.slug())).containsExactly(paidSlug, openSlug);
		assertThat(postSlugs("entities:[" + place.slug() + "]")).containsExactly(openSlug);
		assertThat(postSlugs("entity:" + speaker.slug() + "+entity:-" + place.slug())).containsExactly(paidSlug);
		assertThat(postSlugs("entity:no-such-entity-here")).isEmpty();
	}

	private List<String> postSlugs(String filter) {
		List<String> slugs = new ArrayList<>();
		get("posts/?limit=all&filter=" + encode(filter)).path("posts")
			.forEach(post -> slugs.add(post.path("slug").asString()));
		return slugs;
	}

	private JsonNode get(String path) {
		return ContentApiFixtures.read(port, key, json, path);
	}

}
