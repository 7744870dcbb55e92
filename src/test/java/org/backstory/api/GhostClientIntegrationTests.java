package org.backstory.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.backstory.publishing.ArticleDraft;
import org.backstory.publishing.ArticleEditor;
import org.backstory.publishing.ArticleFixtures;
import org.backstory.publishing.Author;
import org.backstory.publishing.SystemPublisher;
import org.backstory.publishing.Tag;
import org.backstory.publishing.TaxonomyCreator;
import org.backstory.publishing.Visibility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ghost's own JavaScript client, {@code @tryghost/content-api} 1.12.12, installed with
 * npm into a scratch directory and run with node ({@link NodeClient}) against the running
 * app: it browses, reads by id and by slug, filters, pages, includes, meets a gated post
 * and Ghost's errors ({@code ghost-client/client.js} prints what it saw). Without node
 * and npm the test is skipped on a workstation and fails in CI ({@code CI=true}), where
 * they must be.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GhostClientIntegrationTests {

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
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	private final String integration = ArticleFixtures.unique("ghost-client");

	private final List<Long> published = new ArrayList<>();

	@AfterAll
	void cleanUp() {
		published.forEach(systemPublisher::unpublish);
		ContentApiFixtures.remove(jdbc, integration);
	}

	@Test
	void ghostsOwnClientReadsBackstory() throws Exception {
		NodeClient client = NodeClient.install("@tryghost/content-api", "1.12.12", "ghost-client/client.js");
		ArticleFixtures fixtures = new ArticleFixtures(editor, systemPublisher, taxonomyCreator);
		Tag tag = fixtures.tag();
		Author author = fixtures.author();
		String publicSlug = publish("public", "The open part is all there is.", author, tag, Visibility.everyone());
		String paidSlug = publish("paid", "The paid preview sentence.\n\n<!-- paywall -->\n\nThe paid secret sentence.",
				author, tag, Visibility.paid());
		String key = ContentApiFixtures.contentKey(integrations, integration);

		JsonNode out = json.readTree(client.run(Map.of("BACKSTORY_URL", "http://127.0.0.1:" + port, "CONTENT_KEY", key,
				"TAG", tag.slug(), "PUBLIC_SLUG", publicSlug, "PAID_SLUG", paidSlug)));

		JsonNode browse = out.path("browse");
		assertThat(browse.path("isArray").asBoolean()).isTrue();
		assertThat(browse.path("slugs")).extracting(JsonNode::asString).containsExactly(paidSlug, publicSlug);
		assertThat(browse.path("pagination").path("total").asInt()).isEqualTo(2);
		assertThat(browse.path("pagination").path("limit").asInt()).isEqualTo(2);
		assertThat(browse.path("primaryTag").asString()).isEqualTo(tag.slug());
		assertThat(browse.path("authors").asInt()).isEqualTo(1);
		assertThat(browse.path("primaryAuthor").asBoolean()).isTrue();
		assertThat(out.path("browseOne").path("isArray").asBoolean()).as("a one-item browse stays a list").isTrue();
		assertThat(out.path("browseOne").path("hasMeta").asBoolean()).isTrue();
		assertThat(out.path("bySlug").path("isArray").asBoolean()).as("a read is one object").isFalse();
		assertThat(out.path("bySlug").path("slug").asString()).isEqualTo(publicSlug);
		assertThat(out.path("bySlug").path("access").asBoolean()).isTrue();
		assertThat(out.path("bySlug").path("plaintext").asString()).contains("The open part is all there is.");
		assertThat(out.path("byId").path("slug").asString()).isEqualTo(publicSlug);
		assertThat(out.path("byId").path("publishedAt").asString()).matches(".*\\.\\d{3}\\+00:00");
		JsonNode paid = out.path("paid");
		assertThat(paid.path("access").asBoolean()).isFalse();
		assertThat(paid.path("visibility").asString()).isEqualTo("paid");
		assertThat(paid.path("html").asString()).contains("The paid preview sentence.").doesNotContain("secret");
		assertThat(paid.path("plaintext").asString()).contains("The paid preview sentence.").doesNotContain("secret");
		assertThat(paid.path("excerpt").asString()).doesNotContain("secret");
		assertThat(out.path("secondPage").path("slugs")).extracting(JsonNode::asString).containsExactly(paidSlug);
		assertThat(out.path("secondPage").path("pagination").path("prev").asInt()).isEqualTo(1);
		assertThat(out.path("paidOnly")).extracting(JsonNode::asString).containsExactly(paidSlug);
		assertThat(out.path("excluding")).extracting(JsonNode::asString).containsExactly(paidSlug);
		assertThat(out.path("tags").get(0).path("slug").asString()).isEqualTo(tag.slug());
		assertThat(out.path("tags").get(0).path("posts").asInt()).isEqualTo(2);
		assertThat(out.path("authors").path("anyWithPosts").asBoolean()).isTrue();
		assertThat(out.path("settings").path("isArray").asBoolean()).isFalse();
		assertThat(out.path("settings").path("title").asString()).isNotBlank();
		assertThat(out.path("tiers")).extracting(JsonNode::asString).contains("free", "paid");
		assertThat(out.path("newsletters").asBoolean()).isTrue();
		assertThat(out.path("pages").asInt()).isZero();
		assertThat(out.path("notFound").asString()).isEqualTo("NotFoundError");
		assertThat(out.path("notFoundSlug").asString()).isEqualTo("NotFoundError");
		assertThat(out.path("badFilter").asString()).isEqualTo("BadRequestError");
		assertThat(out.path("unknownKey").asString()).isEqualTo("UnauthorizedError");
	}

	private String publish(String kind, String body, Author author, Tag tag, Visibility visibility) {
		String slug = ArticleFixtures.unique("ghost-client-" + kind);
		long id = editor.save(new ArticleDraft(null, slug, "Ghost client " + kind, "", body, List.of(author.slug()),
				List.of(tag.slug()), null, null, null, visibility));
		systemPublisher.publishNow(id);
		published.add(id);
		return slug;
	}

}
