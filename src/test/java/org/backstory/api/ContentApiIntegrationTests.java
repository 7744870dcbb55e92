package org.backstory.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backstory.api.ContentApiFixtures.API;
import static org.backstory.api.ContentApiFixtures.encode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.backstory.publishing.ArticleDraft;
import org.backstory.publishing.ArticleEditor;
import org.backstory.publishing.ArticleFixtures;
import org.backstory.publishing.Author;
import org.backstory.publishing.SystemPublisher;
import org.backstory.publishing.Tag;
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
 * Ghost's Content API over real HTTP: key checks, envelopes, parameters, the NQL filter
 * subset, gating through the access policy, and the headers (CORS, caching, ETag,
 * Content-Version, no cookie). Three articles are published for the test under a tag and
 * authors of their own, so filters can be checked exactly.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContentApiIntegrationTests {

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

	private final HttpClient http = HttpClient.newHttpClient();

	private final String integration = ArticleFixtures.unique("content-api-test");

	private final List<Long> published = new ArrayList<>();

	private String key;

	private Tag tag;

	private Tag otherTag;

	private Author writer;

	private Author other;

	private String publicSlug;

	private String membersSlug;

	private String paidSlug;

	private long paidId;

	@BeforeAll
	void publishArticles() {
		key = ContentApiFixtures.contentKey(integrations, integration);
		ArticleFixtures fixtures = new ArticleFixtures(editor, systemPublisher, taxonomyCreator);
		tag = fixtures.tag();
		otherTag = fixtures.tag();
		writer = fixtures.author();
		other = fixtures.author();
		publicSlug = publish("public", "Open harbour notes", "", "The public text of the harbour notes.",
				List.of(writer.slug()), List.of(tag.slug()), Visibility.everyone());
		membersSlug = publish("members", "Members harbour brief", "A dek for members.",
				"The members preview paragraph.\n\n<!-- paywall -->\n\nThe members-only harbour paragraph.",
				List.of(writer.slug(), other.slug()), List.of(tag.slug(), otherTag.slug()), Visibility.members());
		paidSlug = publish("paid", "Paid harbour dossier", "", """
				## Before you read

				The paid preview paragraph about tolls.

				<!-- paywall -->

				The paid-only paragraph about the secret tolls deal.
				""", List.of(other.slug()), List.of(otherTag.slug()), Visibility.paid());
		paidId = published.get(2);
	}

	private String publish(String kind, String title, String dek, String body, List<String> authors, List<String> tags,
			Visibility visibility) {
		String slug = ArticleFixtures.unique("capi-" + kind);
		long id = editor.save(new ArticleDraft(null, slug, title + " " + slug, dek, body, authors, tags, null, null,
				null, visibility));
		systemPublisher.publishNow(id);
		published.add(id);
		return slug;
	}

	@AfterAll
	void cleanUp() {
		published.forEach(systemPublisher::unpublish);
		ContentApiFixtures.remove(jdbc, integration);
	}

	@Test
	void aMissingKeyIs403AnUnknownOne401AndTwoKeys400InGhostsEnvelope() {
		Answer missing = get("posts/");
		Answer unknown = get("posts/?key=0123456789abcdef0123456789");
		Answer twice = get("posts/?key=" + key + "&key=" + key);

		assertThat(missing.status()).isEqualTo(403);
		assertThat(error(missing).path("type").asString()).isEqualTo("NoPermissionError");
		assertThat(error(missing).path("message").asString()).isEqualTo("Authorization failed");
		assertThat(unknown.status()).isEqualTo(401);
		assertThat(error(unknown).path("type").asString()).isEqualTo("UnauthorizedError");
		assertThat(error(unknown).path("message").asString()).isEqualTo("Unknown Content API Key");
		assertThat(error(unknown).has("context")).isTrue();
		assertThat(error(unknown).has("id")).isTrue();
		assertThat(twice.status()).isEqualTo(400);
		assertThat(missing.header("Cache-Control")).startsWith("no-cache, private, no-store");
	}

	@Test
	void aRevokedKeyNoLongerOpensTheApi() {
		String name = ArticleFixtures.unique("revoked-key");
		IssuedIntegration issued = integrations.create(0, name, org.backstory.members.MemberRole.CONTRIBUTOR);
		assertThat(get("settings/?key=" + issued.contentKey()).status()).isEqualTo(200);

		integrations.revoke(0, issued.integration().id());

		assertThat(get("settings/?key=" + issued.contentKey()).status()).isEqualTo(401);
		ContentApiFixtures.remove(jdbc, name);
	}

	@Test
	void browseAlwaysHasPaginationAndReadHasNoMeta() {
		JsonNode oneItem = get(posts("filter=" + encode("slug:" + publicSlug))).json();
		JsonNode read = get("posts/slug/" + publicSlug + "/?key=" + key + "&slug=" + publicSlug).json();

		assertThat(oneItem.path("posts")).hasSize(1);
		JsonNode pagination = oneItem.path("meta").path("pagination");
		assertThat(pagination.path("page").asInt()).isEqualTo(1);
		assertThat(pagination.path("limit").asInt()).isEqualTo(15);
		assertThat(pagination.path("pages").asInt()).isEqualTo(1);
		assertThat(pagination.path("total").asInt()).isEqualTo(1);
		assertThat(pagination.path("next").isNull()).isTrue();
		assertThat(pagination.path("prev").isNull()).isTrue();
		assertThat(read.has("meta")).isFalse();
		assertThat(read.path("posts")).hasSize(1);
		assertThat(read.path("posts").get(0).path("slug").asString()).isEqualTo(publicSlug);
	}

	@Test
	void aPostHasGhostsFieldsAndDates() {
		JsonNode post = get("posts/slug/" + membersSlug + "/?key=" + key + "&include=tags,authors").json()
			.path("posts")
			.get(0);

		assertThat(post.path("id").asString()).matches("[0-9]+");
		assertThat(post.path("uuid").asString()).matches("[0-9a-f-]{36}");
		assertThat(post.path("published_at").asString())
			.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+00:00");
		assertThat(post.path("visibility").asString()).isEqualTo("members");
		assertThat(post.path("custom_excerpt").asString()).isEqualTo("A dek for members.");
		assertThat(post.path("excerpt").asString()).isEqualTo("A dek for members.");
		assertThat(post.path("meta_title").isNull()).isTrue();
		assertThat(post.path("featured").asBoolean()).isFalse();
		assertThat(post.path("url").asString()).endsWith("/p/" + membersSlug);
		assertThat(post.path("tags")).extracting(t -> t.path("slug").asString())
			.containsExactly(tag.slug(), otherTag.slug());
		assertThat(post.path("primary_tag").path("slug").asString()).isEqualTo(tag.slug());
		assertThat(post.path("authors")).extracting(a -> a.path("slug").asString())
			.containsExactly(writer.slug(), other.slug());
		assertThat(post.path("primary_author").path("slug").asString()).isEqualTo(writer.slug());
		assertThat(post.has("plaintext")).isFalse();
		assertThat(post.has("status")).isFalse();
		assertThat(post.propertyNames()).containsExactly("id", "uuid", "title", "slug", "html", "comment_id",
				"feature_image", "feature_image_alt", "feature_image_caption", "featured", "visibility", "created_at",
				"updated_at", "published_at", "custom_excerpt", "codeinjection_head", "codeinjection_foot",
				"custom_template", "canonical_url", "url", "excerpt", "reading_time", "access", "comments",
				"email_subject", "frontmatter", "meta_title", "meta_description", "og_image", "og_title",
				"og_description", "twitter_image", "twitter_title", "twitter_description", "tags", "primary_tag",
				"authors", "primary_author");
		assertThat(post.path("created_at").asString()).isEqualTo(post.path("published_at").asString());
		assertThat(post.path("updated_at").asString())
			.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+00:00");
		assertThat(post.path("comments").asBoolean()).isFalse();
		assertThat(post.path("comment_id").asString()).isEqualTo(post.path("id").asString());
	}

	@Test
	void aKeyOnlyCallIsAnAnonymousReaderGatedPostsGiveTheirPreviewOnly() {
		JsonNode paid = get("posts/" + paidId + "/?key=" + key + "&formats=html,plaintext").json().path("posts").get(0);
		JsonNode open = get("posts/slug/" + publicSlug + "/?key=" + key).json().path("posts").get(0);

		assertThat(paid.path("access").asBoolean()).isFalse();
		assertThat(paid.propertyNames()).contains("html", "plaintext").doesNotContain("tags", "authors", "status");
		assertThat(paid.path("html").asString()).contains("The paid preview paragraph about tolls.")
			.contains("<section class=\"before-you-read\">")
			.doesNotContain("secret tolls deal");
		assertThat(paid.path("plaintext").asString()).contains("paid preview paragraph")
			.doesNotContain("secret tolls deal");
		assertThat(paid.path("excerpt").asString()).contains("paid preview paragraph")
			.doesNotContain("secret tolls deal");
		assertThat(open.path("access").asBoolean()).isTrue();
		assertThat(open.path("html").asString()).contains("The public text of the harbour notes.");
	}

	@Test
	void fieldsFormatsLimitPageAndOrderAreHonoured() {
		String mine = encode("tag:[" + tag.slug() + "," + otherTag.slug() + "]");
		JsonNode firstPage = get(posts(
				"filter=" + mine + "&limit=2&order=" + encode("title asc") + "&fields=title,slug&formats=plaintext"))
			.json();
		JsonNode secondPage = get(posts("filter=" + mine + "&limit=2&page=2&order=" + encode("title asc"))).json();

		assertThat(firstPage.path("posts")).extracting(p -> p.path("title").asString().substring(0, 4))
			.containsExactly("Memb", "Open");
		assertThat(firstPage.path("posts").get(0).propertyNames()).containsExactlyInAnyOrder("title", "slug");
		assertThat(firstPage.path("meta").path("pagination").path("pages").asInt()).isEqualTo(2);
		assertThat(firstPage.path("meta").path("pagination").path("next").asInt()).isEqualTo(2);
		assertThat(secondPage.path("posts")).extracting(p -> p.path("slug").asString()).containsExactly(paidSlug);
		assertThat(secondPage.path("meta").path("pagination").path("prev").asInt()).isEqualTo(1);
		assertThat(get(posts("limit=all")).json().path("meta").path("pagination").path("limit").asInt()).isEqualTo(100);
	}

	@Test
	void theNqlSubsetFiltersAsGhostDoes() {
		assertThat(slugs("tag:" + tag.slug())).containsExactlyInAnyOrder(publicSlug, membersSlug);
		assertThat(slugs("tags:[" + tag.slug() + "," + otherTag.slug() + "]+tag:-" + tag.slug()))
			.containsExactly(paidSlug);
		assertThat(slugs("primary_tag:" + otherTag.slug())).containsExactly(paidSlug);
		assertThat(slugs("author:" + other.slug())).containsExactlyInAnyOrder(membersSlug, paidSlug);
		assertThat(slugs("primary_author:" + writer.slug() + "+authors:" + other.slug())).containsExactly(membersSlug);
		assertThat(slugs("tag:" + tag.slug() + "+visibility:members")).containsExactly(membersSlug);
		assertThat(slugs("tag:[" + tag.slug() + "," + otherTag.slug() + "]+visibility:-public"))
			.containsExactlyInAnyOrder(membersSlug, paidSlug);
		assertThat(slugs("tag:" + tag.slug() + "+featured:true")).isEmpty();
		assertThat(slugs("(tag:" + tag.slug() + ",author:" + other.slug() + ")+id:-" + paidId))
			.containsExactlyInAnyOrder(publicSlug, membersSlug);
		assertThat(slugs("slug:[" + publicSlug + "," + paidSlug + "]")).containsExactlyInAnyOrder(publicSlug, paidSlug);
		assertThat(slugs("tag:" + tag.slug() + "+title:~'HARBOUR NOTES'")).containsExactly(publicSlug);
		assertThat(slugs("tag:" + tag.slug() + "+title:~^'Members'")).containsExactly(membersSlug);
		assertThat(slugs("author:" + writer.slug() + "+published_at:>now-1d")).containsExactlyInAnyOrder(publicSlug,
				membersSlug);
		assertThat(slugs("author:" + writer.slug() + "+published_at:<'2000-01-01 00:00:00'")).isEmpty();
	}

	@Test
	void aFilterOutsideTheSubsetIs400InGhostsEnvelopeAndReachesNoSql() {
		for (String filter : List.of("authors.email:x", "tag:", "tag:a+", "title:'x'; drop table x", "(tag:a",
				"visibility:secret", "published_at:>'yesterday'", "tag:null", "password:x", "id:>5")) {
			Answer answer = get(posts("filter=" + encode(filter)));
			assertThat(answer.status()).as(filter).isEqualTo(400);
			assertThat(error(answer).path("type").asString()).as(filter).isEqualTo("BadRequestError");
			assertThat(error(answer).path("context").asString()).as(filter).startsWith("Query Error:");
		}
		assertThat(get(posts("limit=0")).status()).isEqualTo(400);
		assertThat(get(posts("page=x")).status()).isEqualTo(400);
		assertThat(get(posts("order=" + encode("password desc"))).status()).isEqualTo(400);
	}

	@Test
	void unknownPostsAndRoutesAre404InGhostsEnvelope() {
		Answer byId = get("posts/nope/?key=" + key);
		Answer bySlug = get("posts/slug/no-such-post/?key=" + key);
		Answer route = get("nothing-here/?key=" + key);

		assertThat(byId.status()).isEqualTo(404);
		assertThat(error(byId).path("type").asString()).isEqualTo("NotFoundError");
		assertThat(error(bySlug).path("message").asString()).isEqualTo("Resource not found error, cannot read post.");
		assertThat(route.status()).isEqualTo(404);
		assertThat(error(route).path("type").asString()).isEqualTo("NotFoundError");
	}

	@Test
	void tagsAndAuthorsWithCountsAndReads() {
		JsonNode tags = get(
				"tags/?key=" + key + "&include=count.posts&limit=all&filter=" + encode("slug:" + tag.slug()))
			.json();
		JsonNode author = get("authors/slug/" + other.slug() + "/?key=" + key + "&include=count.posts").json();
		JsonNode tagById = get("tags/" + tag.id() + "/?key=" + key).json();

		assertThat(tags.path("tags")).hasSize(1);
		assertThat(tags.path("tags").get(0).path("count").path("posts").asInt()).isEqualTo(2);
		assertThat(tags.path("meta").path("pagination").path("total").asInt()).isEqualTo(1);
		assertThat(author.has("meta")).isFalse();
		assertThat(author.path("authors").get(0).path("count").path("posts").asInt()).isEqualTo(2);
		assertThat(author.path("authors").get(0).has("email")).isFalse();
		assertThat(tagById.path("tags").get(0).path("slug").asString()).isEqualTo(tag.slug());
		assertThat(get("tags/slug/no-such-tag/?key=" + key).status()).isEqualTo(404);
	}

	@Test
	void aTagsDescriptionIsItsGhostDescription() {
		Tag described = taxonomyCreator.createTag(ArticleFixtures.unique("described"), "Described",
				"Everything about the lighthouse.");

		assertThat(get("tags/slug/" + described.slug() + "/?key=" + key).json()
			.path("tags")
			.get(0)
			.path("description")
			.asString()).isEqualTo("Everything about the lighthouse.");
		assertThat(get("tags/" + tag.id() + "/?key=" + key).json().path("tags").get(0).path("description").isNull())
			.isTrue();
	}

	@Test
	void settingsTiersNewslettersAndPages() {
		JsonNode settings = get("settings/?key=" + key).json();
		JsonNode tiers = get("tiers/?key=" + key + "&include=monthly_price,yearly_price,benefits").json();
		JsonNode newsletters = get("newsletters/?key=" + key).json();
		JsonNode pages = get("pages/?key=" + key).json();

		assertThat(settings.path("settings").isObject()).isTrue();
		assertThat(settings.path("settings").path("title").asString()).isNotBlank();
		assertThat(settings.path("meta").isObject()).isTrue();
		assertThat(tiers.path("tiers").get(0).path("type").asString()).isEqualTo("free");
		assertThat(tiers.path("tiers")).anySatisfy(tier -> {
			assertThat(tier.path("type").asString()).isEqualTo("paid");
			assertThat(tier.path("monthly_price").asLong()).isPositive();
		});
		assertThat(tiers.path("meta").path("pagination").isObject()).isTrue();
		assertThat(newsletters.path("newsletters").isArray()).isTrue();
		assertThat(pages.path("pages")).isEmpty();
		assertThat(pages.path("meta").path("pagination").path("total").asInt()).isZero();
	}

	@Test
	void headersAsGhostSendsThemWithoutACookieAndWithAnEtag() throws Exception {
		Answer answer = get(posts("limit=1"));

		assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo("*");
		assertThat(answer.header("Cache-Control")).isEqualTo("public, max-age=0");
		assertThat(answer.header("Content-Version")).isEqualTo("v5.0");
		assertThat(answer.header("Content-Type")).startsWith("application/json");
		assertThat(answer.response().headers().allValues("Set-Cookie")).isEmpty();
		String etag = answer.header("ETag");
		assertThat(etag).isNotEmpty();

		HttpResponse<String> again = http.send(HttpRequest.newBuilder(uri(posts("limit=1")))
			.header("If-None-Match", etag)
			.header("Accept-Version", "v999.5")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(again.statusCode()).isEqualTo(304);
		assertThat(again.body()).isEmpty();

		HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(uri("posts/"))
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.header("Origin", "https://front.example")
			.header("Access-Control-Request-Method", "GET")
			.header("Access-Control-Request-Headers", "accept-version")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(preflight.statusCode()).isEqualTo(204);
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers")).contains("accept-version");
		assertThat(preflight.headers().allValues("Set-Cookie")).isEmpty();
	}

	@Test
	void aClientThatAcceptsGzipGetsTheSameAnswerGzipped() throws Exception {
		Answer plain = get(posts("limit=3"));

		HttpResponse<byte[]> gzipped = http.send(
				HttpRequest.newBuilder(uri(posts("limit=3"))).header("Accept-Encoding", "gzip, deflate, br").build(),
				HttpResponse.BodyHandlers.ofByteArray());

		assertThat(gzipped.headers().firstValue("Content-Encoding")).contains("gzip");
		assertThat(gzipped.headers().firstValue("ETag")).contains(plain.header("ETag"));
		try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped.body()))) {
			assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(plain.body());
		}
		assertThat(plain.header("Content-Encoding")).isEmpty();
	}

	@Test
	void anEditShowsInTheNextAnswer() {
		String before = get("posts/slug/" + publicSlug + "/?key=" + key).json()
			.path("posts")
			.get(0)
			.path("title")
			.asString();
		long id = published.get(0);
		editor.save(new ArticleDraft(id, publicSlug, "Renamed harbour notes " + publicSlug, "", "The public text.",
				List.of(writer.slug()), List.of(tag.slug()), null, null, null, Visibility.everyone()));

		String after = get("posts/slug/" + publicSlug + "/?key=" + key).json()
			.path("posts")
			.get(0)
			.path("title")
			.asString();

		assertThat(before).startsWith("Open harbour notes");
		assertThat(after).startsWith("Renamed harbour notes");
		editor.save(new ArticleDraft(id, publicSlug, before, "", "The public text of the harbour notes.",
				List.of(writer.slug()), List.of(tag.slug()), null, null, null, Visibility.everyone()));
	}

	private List<String> slugs(String filter) {
		Answer answer = get(posts("limit=all&filter=" + encode(filter)));
		assertThat(answer.status()).as(filter + ": " + answer.body()).isEqualTo(200);
		List<String> slugs = new ArrayList<>();
		answer.json().path("posts").forEach(post -> slugs.add(post.path("slug").asString()));
		return slugs;
	}

	private String posts(String query) {
		return "posts/?key=" + key + "&" + query;
	}

	private JsonNode error(Answer answer) {
		return answer.json().path("errors").get(0);
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port + API + path);
	}

	private Answer get(String path) {
		try {
			return new Answer(http.send(HttpRequest.newBuilder(uri(path)).header("Accept-Version", "v5.0").build(),
					HttpResponse.BodyHandlers.ofString()), json);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private record Answer(HttpResponse<String> response, JsonMapper mapper) {

		int status() {
			return response.statusCode();
		}

		String body() {
			return response.body();
		}

		String header(String name) {
			return response.headers().firstValue(name).orElse("");
		}

		JsonNode json() {
			return mapper.readTree(response.body());
		}

	}

}
