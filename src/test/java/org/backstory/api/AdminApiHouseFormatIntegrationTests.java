package org.backstory.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;

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
 * The house format through the Admin API (issue 14 §1): html with the two headings is
 * split into the parts by the same splitter as every other road in, the html Backstory
 * answers goes back in unchanged (a GET and PUT round trip keeps the parts), and a gated
 * post whose paywall point falls in its background is refused with the reason.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminApiHouseFormatIntegrationTests {

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

	private final String name = ArticleFixtures.unique("admin-api-house");

	private long integrationId;

	private String editorKey;

	@BeforeAll
	void key() {
		IssuedIntegration issued = integrations.create(0, name, MemberRole.EDITOR);
		integrationId = issued.integration().id();
		editorKey = issued.adminKey();
	}

	@AfterAll
	void cleanUp() {
		long actor = Integration.actorId(integrationId);
		PublishingProbe.forgetArticlesWithTitleLike(jdbc, name + "%");
		PublishingProbe.forgetAuthor(jdbc, actor);
		AdminProbe.forgetActor(jdbc, actor);
		ContentApiFixtures.remove(jdbc, name);
	}

	@Test
	void htmlWithTheHeadingsIsStoredInPartsAndTheAnsweredHtmlGoesBackUnchanged() throws Exception {
		HttpResponse<String> created = send("POST", "posts/?source=html",
				"""
						{"posts":[{"title":"%s split","visibility":"paid",
						 "html":"<p>The opening.</p><h2>Before you read</h2><p>The background.</p><h2>What's going on now</h2><p>Now, free.</p><!--members-only--><p>Now, paid.</p>"}]}
						"""
					.formatted(name));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode post = json.readTree(created.body()).get("posts").get(0);
		Map<String, Object> stored = parts(name + " split");
		assertThat(stored).containsEntry("body_markdown", "<p>The opening.</p>")
			.containsEntry("background_markdown", "<p>The background.</p>")
			.containsEntry("now_markdown", "<p>Now, free.</p>\n\n<!-- paywall -->\n\n<p>Now, paid.</p>");
		String html = post.get("html").asString();
		assertThat(html).containsSubsequence("<p>The opening.</p>",
				"<section class=\"before-you-read\"><h2>Before you read</h2>", "The background.",
				"<section class=\"whats-going-on-now\"><h2>What's going on now</h2>", "Now, free.",
				"<!--members-only-->", "Now, paid.");

		HttpResponse<String> put = send("PUT", "posts/" + post.get("id").asString() + "/", json.writeValueAsString(Map
			.of("posts", new Object[] { Map.of("html", html, "updated_at", post.get("updated_at").asString()) })));

		assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
		assertThat(parts(name + " split")).isEqualTo(stored);
		assertThat(json.readTree(put.body()).get("posts").get(0).get("html").asString()).isEqualTo(html);
	}

	@Test
	void aGatedPostWithItsPaywallPointInTheBackgroundIsRefusedWithTheReasonAndNothingIsWritten() throws Exception {
		HttpResponse<String> refused = send("POST", "posts/?source=html",
				"""
						{"posts":[{"title":"%s refused","visibility":"members",
						 "html":"<h2>Before you read</h2><p>Free.</p><!--members-only--><p>Gated background.</p><h2>What's going on now</h2><p>Now.</p>"}]}
						"""
					.formatted(name));

		JsonNode error = AdminApiTokens.assertError(json, refused, 422, "ValidationError");
		assertThat(error.toString()).contains("The paywall marker cannot go in the background");
		assertThat(PublishingProbe.articlesWithTitleLike(jdbc, name + " refused")).isZero();
	}

	private Map<String, Object> parts(String title) {
		return PublishingProbe.houseFormatParts(jdbc, title);
	}

	private HttpResponse<String> send(String method, String path, String body)
			throws IOException, InterruptedException {
		return http.send(AdminApiTokens.request(port, method, path, body)
			.header("Authorization", "Ghost " + AdminApiTokens.token(editorKey, clock.instant()))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
