package org.backstory.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.backstory.Visitor;
import org.backstory.admin.AdminProbe;
import org.backstory.members.MemberRole;
import org.backstory.publishing.ArticleFixtures;
import org.backstory.publishing.PublishingProbe;
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
 * Ghost's Admin API over real HTTP with tokens signed in the test as Ghost's client signs
 * them: every way a token is refused, posts written through the newsroom's permissions
 * (an editor integration publishes, a contributor one may neither publish nor read
 * others' drafts), Ghost's update collision on a stale {@code updated_at}, the audit log
 * naming the integration, tags, image uploads through the media library's checks, and bad
 * bodies answered 4xx in Ghost's envelope.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminApiIntegrationTests {

	/** Every field of an Admin API post, in the order Backstory writes them. */
	private static final String[] ADMIN_POST_FIELDS = { "id", "uuid", "title", "slug", "html", "comment_id",
			"feature_image", "feature_image_alt", "feature_image_caption", "featured", "status", "visibility",
			"created_at", "updated_at", "published_at", "custom_excerpt", "codeinjection_head", "codeinjection_foot",
			"custom_template", "canonical_url", "tags", "tiers", "authors", "primary_author", "primary_tag", "url",
			"excerpt", "reading_time", "og_image", "og_title", "og_description", "twitter_image", "twitter_title",
			"twitter_description", "meta_title", "meta_description", "email_subject", "frontmatter", "email_only",
			"newsletter", "email" };

	private static final String API = "/ghost/api/admin/";

	@LocalServerPort
	int port;

	@Autowired
	Integrations integrations;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	Clock clock;

	private final HttpClient http = HttpClient.newHttpClient();

	private final String name = ArticleFixtures.unique("admin-api-test");

	private final List<Long> integrationIds = new ArrayList<>();

	private String editorKey;

	private String contributorKey;

	@BeforeAll
	void keys() {
		editorKey = key(MemberRole.EDITOR);
		contributorKey = key(MemberRole.CONTRIBUTOR);
	}

	private String key(MemberRole role) {
		IssuedIntegration issued = integrations.create(0, name, role);
		integrationIds.add(issued.integration().id());
		return issued.adminKey();
	}

	@AfterAll
	void cleanUp() {
		for (long id : integrationIds) {
			long actor = Integration.actorId(id);
			PublishingProbe.forgetArticlesAndAuthor(jdbc, actor, name + "%");
			AdminProbe.forgetActor(jdbc, actor);
		}
		PublishingProbe.forgetTagsWithNameLike(jdbc, name + "%");
		ContentApiFixtures.remove(jdbc, name);
	}

	@Test
	void theSiteAnswersAGhostClientsTokenWithoutACookie() throws Exception {
		HttpResponse<String> response = send("GET", "site/", editorKey, null);
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode site = json.readTree(response.body()).get("site");
		assertThat(site.get("title").asString()).isNotBlank();
		assertThat(site.get("url").asString()).endsWith("/");
		assertThat(response.headers().firstValue("set-cookie")).isEmpty();
		assertThat(response.headers().firstValue("cache-control").orElseThrow()).contains("no-store");
		HttpResponse<String> lowerCase = http.send(request("GET", "site/", null)
			.header("Authorization", "ghost " + AdminApiTokens.token(editorKey, clock.instant()))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(lowerCase.statusCode()).isEqualTo(200);
	}

	@Test
	void everySpoiltTokenIsRefusedInGhostsEnvelope() throws Exception {
		long now = clock.instant().getEpochSecond();
		assertError(http.send(request("GET", "site/", null).build(), HttpResponse.BodyHandlers.ofString()), 403,
				"NoPermissionError", null);
		assertError(http.send(request("GET", "site/", null).header("Authorization", "Bearer x").build(),
				HttpResponse.BodyHandlers.ofString()), 403, "NoPermissionError", null);
		assertError(withToken("not-a-jwt"), 400, "BadRequestError", "INVALID_JWT");
		assertError(withToken(
				AdminApiTokens.signed(editorKey, "{\"alg\":\"HS256\",\"typ\":\"JWT\"}", claims(now, "/admin/"))), 400,
				"BadRequestError", "MISSING_ADMIN_API_KID");
		String unknown = "0123456789abcdef01234567:" + "ab".repeat(32);
		assertError(withToken(AdminApiTokens.token(unknown, clock.instant())), 401, "UnauthorizedError",
				"UNKNOWN_ADMIN_API_KEY");
		String wrongSecret = editorKey.split(":")[0] + ":" + "cd".repeat(32);
		assertThat(assertError(withToken(AdminApiTokens.token(wrongSecret, clock.instant())), 401, "UnauthorizedError",
				"INVALID_JWT")
			.get("message")
			.asString()).isEqualTo("Invalid token: invalid signature");
		String none = AdminApiTokens.base64(AdminApiTokens.header(editorKey, "none")) + "."
				+ AdminApiTokens.base64(claims(now, "/admin/")) + ".";
		assertError(withToken(none), 401, "UnauthorizedError", "INVALID_JWT");
		assertError(withToken(
				AdminApiTokens.signed(editorKey, AdminApiTokens.header(editorKey, "HS512"), claims(now, "/admin/"))),
				401, "UnauthorizedError", "INVALID_JWT");
		assertThat(assertError(withToken(AdminApiTokens.token(editorKey, clock.instant().minus(Duration.ofMinutes(6)))),
				401, "UnauthorizedError", "INVALID_JWT")
			.get("message")
			.asString()).isEqualTo("Invalid token: maxAge exceeded");
		assertError(
				withToken(AdminApiTokens.signed(editorKey, AdminApiTokens.header(editorKey, "HS256"),
						"{\"iat\":" + (now - 60) + ",\"exp\":" + (now - 1) + ",\"aud\":\"/admin/\"}")),
				401, "UnauthorizedError", "INVALID_JWT");
		assertError(
				withToken(AdminApiTokens.signed(editorKey, AdminApiTokens.header(editorKey, "HS256"),
						"{\"iat\":" + (now + 3600) + ",\"aud\":\"/admin/\"}")),
				401, "UnauthorizedError", "INVALID_JWT");
		assertError(withToken(
				AdminApiTokens.signed(editorKey, AdminApiTokens.header(editorKey, "HS256"), claims(now, "/content/"))),
				401, "UnauthorizedError", "INVALID_JWT");
		assertThat(withToken(
				AdminApiTokens.signed(editorKey, AdminApiTokens.header(editorKey, "HS256"), claims(now, "/v4/admin/")))
			.statusCode()).isEqualTo(200);
		String revoked = key(MemberRole.EDITOR);
		integrations.revoke(0, integrationIds.get(integrationIds.size() - 1));
		assertError(withToken(AdminApiTokens.token(revoked, clock.instant())), 401, "UnauthorizedError",
				"UNKNOWN_ADMIN_API_KEY");
	}

	@Test
	void anEditorIntegrationPublishesFromHtmlWithTheMarkerAndTheAuditLogNamesIt() throws Exception {
		String title = name + " harbour dossier";
		HttpResponse<String> created = send("POST", "posts/?source=html", editorKey,
				"""
						{"posts":[{"title":"%s","status":"published","visibility":"paid","custom_excerpt":"The dek.",
						 "tags":[{"name":"%s tolls"}],
						 "html":"<p>The free opening about tolls.</p><!--members-only--><p>The paid secret about the tolls deal.</p>"}]}
						"""
					.formatted(title, name));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode post = json.readTree(created.body()).get("posts").get(0);
		String id = post.get("id").asString();
		assertThat(created.headers().firstValue("location").orElseThrow())
			.endsWith("/ghost/api/admin/posts/" + id + "/");
		assertThat(post.get("status").asString()).isEqualTo("published");
		assertThat(post.get("visibility").asString()).isEqualTo("paid");
		assertThat(post.get("custom_excerpt").asString()).isEqualTo("The dek.");
		assertThat(post.get("html").asString()).containsSubsequence("The free opening about tolls.</p>",
				"<!--members-only-->", "The paid secret about the tolls deal.");
		assertThat(post.get("tags").get(0).get("name").asString()).isEqualTo(name + " tolls");
		assertThat(post.get("updated_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
		assertThat(post.propertyNames()).containsExactly(ADMIN_POST_FIELDS);
		assertThat(post.get("uuid").asString()).matches("[0-9a-f-]{36}");
		assertThat(post.get("comment_id").asString()).isEqualTo(id);
		assertThat(post.get("published_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
		assertThat(post.get("created_at").asString()).isEqualTo(post.get("published_at").asString());
		assertThat(post.get("url").asString()).endsWith("/p/" + post.get("slug").asString());
		assertThat(post.get("excerpt").asString()).isEqualTo("The dek.");
		assertThat(post.get("reading_time").asInt()).isZero();
		assertThat(post.get("tiers").isArray()).isTrue();
		assertThat(post.get("primary_tag").get("name").asString()).isEqualTo(name + " tolls");
		assertThat(post.get("primary_author").get("slug").asString())
			.isEqualTo(post.get("authors").get(0).get("slug").asString());
		assertThat(post.get("email_only").asBoolean()).isFalse();
		assertThat(post.get("featured").asBoolean()).isFalse();
		assertThat(post.get("meta_title").isNull()).isTrue();
		assertThat(post.get("newsletter").isNull()).isTrue();
		assertThat(AdminProbe.entriesBy(jdbc, Integration.actorId(integrationIds.get(0)), "article.published")
			.stream()
			.filter(entry -> entry.subject().contains(title))
			.count()).isEqualTo(1);
		HttpResponse<String> read = send("GET", "posts/" + id + "/", editorKey, null);
		assertThat(json.readTree(read.body()).get("posts").get(0).get("title").asString()).isEqualTo(title);
		assertThat(send("DELETE", "posts/" + id + "/", editorKey, null).statusCode()).isEqualTo(204);
		assertError(send("GET", "posts/" + id + "/", editorKey, null), 404, "NotFoundError", null);
	}

	@Test
	void anEditWithAStaleUpdatedAtIsGhostsUpdateCollisionAndOneWithoutItA422() throws Exception {
		JsonNode post = json.readTree(send("POST", "posts/", editorKey, """
				{"posts":[{"title":"%s collision","html":"<p>First text.</p>"}]}""".formatted(name)).body())
			.get("posts")
			.get(0);
		String id = post.get("id").asString();
		String updatedAt = post.get("updated_at").asString();
		assertThat(post.get("status").asString()).isEqualTo("draft");
		assertThat(post.get("published_at").isNull()).as("a draft is not published").isTrue();
		assertThat(post.get("created_at").asString()).isEqualTo(updatedAt);
		assertThat(post.get("excerpt").asString()).isEqualTo("First text.");
		assertThat(post.propertyNames()).containsExactly(ADMIN_POST_FIELDS);
		HttpResponse<String> edited = send("PUT", "posts/" + id + "/", editorKey, """
				{"posts":[{"title":"%s collision, edited","updated_at":"%s"}]}""".formatted(name, updatedAt));
		assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
		JsonNode after = json.readTree(edited.body()).get("posts").get(0);
		assertThat(after.get("title").asString()).endsWith("edited");
		assertThat(after.get("html").asString()).contains("First text.");
		JsonNode collision = assertError(send("PUT", "posts/" + id + "/", editorKey, """
				{"posts":[{"title":"%s collision, stale","updated_at":"2020-01-01T00:00:00.000Z"}]}""".formatted(name)),
				409, "UpdateCollisionError", "UPDATE_COLLISION");
		assertThat(collision.get("message").asString()).isEqualTo("Saving failed! Someone else is editing this post.");
		assertError(send("PUT", "posts/" + id + "/", editorKey, """
				{"posts":[{"title":"no date"}]}"""), 422, "ValidationError", null);
		assertThat(json.readTree(send("GET", "posts/" + id + "/", editorKey, null).body())
			.get("posts")
			.get(0)
			.get("title")
			.asString()).endsWith("edited");
	}

	@Test
	void aContributorIntegrationWritesDraftsButNeitherPublishesNorReadsOthersDrafts() throws Exception {
		String othersDraft = json
			.readTree(send("POST", "posts/", editorKey, """
					{"posts":[{"title":"%s editors draft","html":"<p>Not for contributors.</p>"}]}""".formatted(name))
				.body())
			.get("posts")
			.get(0)
			.get("id")
			.asString();
		assertError(send("GET", "posts/" + othersDraft + "/", contributorKey, null), 403, "NoPermissionError", null);
		assertError(send("DELETE", "posts/" + othersDraft + "/", contributorKey, null), 403, "NoPermissionError", null);
		assertError(send("POST", "posts/", contributorKey, """
				{"posts":[{"title":"%s contributor publishes","status":"published","html":"<p>x</p>"}]}"""
			.formatted(name)), 403, "NoPermissionError", null);
		assertThat(PublishingProbe.articlesWithTitleLike(jdbc, name + " contributor publishes")).isZero();
		HttpResponse<String> draft = send("POST", "posts/", contributorKey, """
				{"posts":[{"title":"%s contributor draft","html":"<p>Mine.</p>"}]}""".formatted(name));
		assertThat(draft.statusCode()).isEqualTo(201);
		JsonNode mine = json.readTree(draft.body()).get("posts").get(0);
		assertThat(mine.get("status").asString()).isEqualTo("draft");
		assertThat(mine.get("authors").get(0).get("name").asString()).isEqualTo(name);
		JsonNode browse = json.readTree(send("GET", "posts/?filter=status:draft", contributorKey, null).body());
		assertThat(browse.get("posts")).extracting(post -> post.get("title").asString())
			.contains(name + " contributor draft")
			.doesNotContain(name + " editors draft");
		assertThat(browse.get("meta").get("pagination").get("total").asInt()).isEqualTo(browse.get("posts").size());
	}

	@Test
	void tagsAreReadByAnyIntegrationAndChangedByEditorsOnly() throws Exception {
		assertError(send("POST", "tags/", contributorKey, """
				{"tags":[{"name":"%s refused"}]}""".formatted(name)), 403, "NoPermissionError", null);
		HttpResponse<String> created = send("POST", "tags/", editorKey, """
				{"tags":[{"name":"%s weather"}]}""".formatted(name));
		assertThat(created.statusCode()).isEqualTo(201);
		String id = json.readTree(created.body()).get("tags").get(0).get("id").asString();
		HttpResponse<String> renamed = send("PUT", "tags/" + id + "/", editorKey, """
				{"tags":[{"name":"%s climate"}]}""".formatted(name));
		assertThat(json.readTree(renamed.body()).get("tags").get(0).get("name").asString())
			.isEqualTo(name + " climate");
		JsonNode read = json.readTree(send("GET", "tags/" + id + "/", contributorKey, null).body());
		assertThat(read.get("tags").get(0).get("count").get("posts").asInt()).isZero();
		assertThat(json.readTree(send("GET", "tags/?limit=all", contributorKey, null).body()).get("tags"))
			.extracting(tag -> tag.get("id").asString())
			.contains(id);
	}

	@Test
	void aTagsDescriptionIsWrittenKeptAndClearedAsInGhost() throws Exception {
		HttpResponse<String> created = send("POST", "tags/", editorKey, """
				{"tags":[{"name":"%s fog","description":"When the  harbour disappears."}]}""".formatted(name));
		assertThat(created.statusCode()).isEqualTo(201);
		JsonNode tag = json.readTree(created.body()).get("tags").get(0);
		assertThat(tag.get("description").asString()).isEqualTo("When the  harbour disappears.");
		String id = tag.get("id").asString();

		JsonNode renamed = json.readTree(send("PUT", "tags/" + id + "/", editorKey, """
				{"tags":[{"name":"%s sea fog"}]}""".formatted(name)).body()).get("tags").get(0);
		assertThat(renamed.get("description").asString()).isEqualTo("When the  harbour disappears.");
		assertThat(new Visitor(port).get("/tag/" + tag.get("slug").asString())
			.document()
			.select("meta[name=description]")
			.attr("content")).isEqualTo("When the  harbour disappears.");

		JsonNode cleared = json.readTree(send("PUT", "tags/" + id + "/", editorKey, """
				{"tags":[{"description":null}]}""").body()).get("tags").get(0);
		assertThat(cleared.get("description").isNull()).isTrue();
		assertThat(cleared.get("name").asString()).isEqualTo(name + " sea fog");
	}

	@Test
	void aTagDescriptionOverGhostsLimitIs422AndWritesNothing() throws Exception {
		String tooLong = "y".repeat(501);

		assertError(send("POST", "tags/", editorKey, """
				{"tags":[{"name":"%s long","description":"%s"}]}""".formatted(name, tooLong)), 422, "ValidationError",
				null);

		assertThat(PublishingProbe.tagsWithNameLike(jdbc, name + " long")).isZero();
	}

	@Test
	void badBodiesAre4xxInGhostsEnvelopeAndWriteNothing() throws Exception {
		assertError(send("POST", "posts/", editorKey, "{not json"), 400, "BadRequestError", null);
		assertError(send("POST", "posts/", editorKey, "{}"), 422, "ValidationError", null);
		assertError(send("POST", "posts/", editorKey, ""), 422, "ValidationError", null);
		assertError(send("POST", "posts/", editorKey, """
				{"posts":[{"title":"%s bad typo","htlm":"<p>x</p>"}]}""".formatted(name)), 422, "ValidationError",
				null);
		assertError(send("POST", "posts/", editorKey, """
				{"posts":[{"title":"%s bad lexical","lexical":"{}"}]}""".formatted(name)), 422, "ValidationError",
				null);
		assertError(send("POST", "posts/", editorKey, """
				{"posts":[{"title":42}]}"""), 422, "ValidationError", null);
		assertError(send("POST", "posts/", editorKey, """
				{"posts":[{"title":"%s bad status","status":"gone"}]}""".formatted(name)), 422, "ValidationError",
				null);
		assertError(send("POST", "posts/", editorKey, """
				{"posts":[{"title":"%s bad slug","slug":"Not A Slug!"}]}""".formatted(name)), 422, "ValidationError",
				null);
		assertError(send("GET", "posts/?filter=title:~'x'", editorKey, null), 400, "BadRequestError", null);
		assertError(send("GET", "posts/abc/", editorKey, null), 404, "NotFoundError", null);
		assertError(send("GET", "nothing-here/", editorKey, null), 404, "NotFoundError", null);
		assertThat(PublishingProbe.articlesWithTitleLike(jdbc, name + " bad%")).isZero();
	}

	@Test
	void anImageUploadGoesThroughTheMediaChecksAndEchoesItsRef() throws Exception {
		BufferedImage pixels = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
		pixels.setRGB(1, 1, 0x3366cc);
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		ImageIO.write(pixels, "png", png);
		HttpResponse<String> uploaded = upload(png.toByteArray(), "image", "harbour.png");
		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
		JsonNode image = json.readTree(uploaded.body()).get("images").get(0);
		assertThat(image.get("ref").asString()).isEqualTo("harbour.png");
		String url = image.get("url").asString();
		assertThat(url).startsWith("http");
		assertThat(http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + URI.create(url).getPath())).build(),
					HttpResponse.BodyHandlers.ofByteArray())
			.statusCode()).isEqualTo(200);
		assertError(upload("not an image".getBytes(StandardCharsets.UTF_8), "image", "x.png"), 422, "ValidationError",
				null);
		assertError(upload(png.toByteArray(), "wallpaper", "x.png"), 422, "ValidationError", null);
		assertError(send("POST", "images/upload/", editorKey, "{}"), 422, "ValidationError", null);
	}

	private HttpResponse<String> upload(byte[] content, String purpose, String ref)
			throws IOException, InterruptedException {
		String boundary = "----backstory" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + ref
				+ "\"\r\nContent-Type: image/png\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\n" + purpose
				+ "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"ref\"\r\n\r\n" + ref + "\r\n--"
				+ boundary + "--\r\n")
			.getBytes(StandardCharsets.UTF_8));
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + API + "images/upload/"))
			.header("Authorization", "Ghost " + AdminApiTokens.token(editorKey, clock.instant()))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private String claims(long iat, String audience) {
		return "{\"iat\":" + iat + ",\"exp\":" + (iat + 300) + ",\"aud\":\"" + audience + "\"}";
	}

	private HttpResponse<String> withToken(String token) throws IOException, InterruptedException {
		return http.send(request("GET", "site/", null).header("Authorization", "Ghost " + token).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> send(String method, String path, String key, String body)
			throws IOException, InterruptedException {
		return http.send(request(method, path, body)
			.header("Authorization", "Ghost " + AdminApiTokens.token(key, clock.instant()))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String method, String path, String body) {
		return AdminApiTokens.request(port, method, path, body);
	}

	private JsonNode assertError(HttpResponse<String> response, int status, String type, String code) {
		JsonNode error = AdminApiTokens.assertError(json, response, status, type);
		if (code != null) {
			assertThat(error.get("code").asString()).isEqualTo(code);
		}
		return error;
	}

}
