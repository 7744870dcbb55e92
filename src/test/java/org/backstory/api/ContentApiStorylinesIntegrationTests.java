package org.backstory.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backstory.api.ContentApiFixtures.API;
import static org.backstory.api.ContentApiFixtures.encode;

import java.util.ArrayList;
import java.util.List;

import org.backstory.Visitor;
import org.backstory.publishing.ArticleDraft;
import org.backstory.publishing.ArticleEditor;
import org.backstory.publishing.ArticleFixtures;
import org.backstory.publishing.EventDraft;
import org.backstory.publishing.PublishingProbe;
import org.backstory.publishing.Storyline;
import org.backstory.publishing.StorylineEvents;
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
 * Storylines and their events in the Content API (issue 14 §2), served as tags are:
 * browse with filter and {@code include=count.posts}, read by id and by slug, and
 * {@code include=events} with each event as the timeline shows it, naming its article
 * only while that article is published.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContentApiStorylinesIntegrationTests {

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
	StorylineEvents events;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	private final String integration = ArticleFixtures.unique("content-api-storylines");

	private final List<Long> saved = new ArrayList<>();

	private String key;

	private Storyline story;

	private String publishedSlug;

	private String draftSlug;

	@BeforeAll
	void aStorylineWithPartsAndEvents() {
		key = ContentApiFixtures.contentKey(integrations, integration);
		ArticleFixtures fixtures = new ArticleFixtures(editor, systemPublisher, taxonomyCreator);
		story = fixtures.storyline();
		publishedSlug = part(fixtures, 1, true);
		draftSlug = part(fixtures, 2, false);
		events.add(0, story.id(), new EventDraft("2019-03-12", "The strait closed.", "Not one more ship.", "The port",
				"https://example.com/strait Harbour log", publishedSlug, true));
		events.add(0, story.id(), new EventDraft("2020", "Talks began.", "", "", "", draftSlug, false));
	}

	private String part(ArticleFixtures fixtures, int position, boolean publish) {
		ArticleDraft draft = fixtures.draft(Visibility.paid());
		long id = editor.save(new ArticleDraft(null, draft.slug(), draft.title(), draft.dek(), draft.bodyMarkdown(),
				draft.authorSlugs(), List.of(), story.slug(), position, null, draft.visibility()));
		if (publish) {
			systemPublisher.publishNow(id);
		}
		saved.add(id);
		return draft.slug();
	}

	@AfterAll
	void putBack() {
		saved.forEach(systemPublisher::unpublish);
		PublishingProbe.forgetStorylineEvents(jdbc, story.id());
		ContentApiFixtures.remove(jdbc, integration);
	}

	@Test
	void storylinesAreBrowsedLikeTagsWithTheirPublishedPartsCounted() {
		JsonNode answer = get("storylines/?include=count.posts&filter=" + encode("slug:" + story.slug()));

		assertThat(answer.path("storylines")).hasSize(1);
		JsonNode storyline = answer.path("storylines").get(0);
		assertThat(storyline.path("id").asString()).isEqualTo(Long.toString(story.id()));
		assertThat(storyline.path("name").asString()).isEqualTo(story.title());
		assertThat(storyline.path("description").asString()).isEqualTo(story.description());
		assertThat(storyline.path("url").asString()).endsWith("/story/" + story.slug());
		assertThat(storyline.path("count").path("posts").asInt()).isEqualTo(1);
		assertThat(storyline.has("events")).isFalse();
		assertThat(answer.path("meta").path("pagination").path("total").asInt()).isEqualTo(1);
		assertThat(get("storylines/" + story.id() + "/").path("storylines").get(0).path("slug").asString())
			.isEqualTo(story.slug());
		Visitor.Page missing = new Visitor(port).get(API + "storylines/slug/no-such-storyline-here/?key=" + key);
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.body()).contains("Storyline not found.");
	}

	@Test
	void eventsComeAsTheTimelineShowsThemNamingOnlyPublishedArticles() {
		JsonNode events = get("storylines/slug/" + story.slug() + "/?include=events").path("storylines")
			.get(0)
			.path("events");

		assertThat(events).hasSize(2);
		JsonNode closed = events.get(0);
		assertThat(closed.path("date").asString()).isEqualTo("2019-03-12");
		assertThat(closed.path("date_precision").asString()).isEqualTo("day");
		assertThat(closed.path("summary").asString()).isEqualTo("The strait closed.");
		assertThat(closed.path("quote").asString()).isEqualTo("Not one more ship.");
		assertThat(closed.path("speaker").asString()).isEqualTo("The port");
		assertThat(closed.path("sources").get(0).path("url").asString()).isEqualTo("https://example.com/strait");
		assertThat(closed.path("sources").get(0).path("label").asString()).isEqualTo("Harbour log");
		assertThat(closed.path("key_event").asBoolean()).isTrue();
		assertThat(closed.path("post").path("slug").asString()).isEqualTo(publishedSlug);
		assertThat(closed.path("post").propertyNames()).containsExactly("id", "slug", "title", "url");
		JsonNode talks = events.get(1);
		assertThat(talks.path("date_precision").asString()).isEqualTo("year");
		assertThat(talks.path("quote").isNull()).isTrue();
		assertThat(talks.path("post").isNull()).as("a draft is named nowhere").isTrue();
		assertThat(events.toString()).doesNotContain(draftSlug);
	}

	private JsonNode get(String path) {
		return ContentApiFixtures.read(port, key, json, path);
	}

}
