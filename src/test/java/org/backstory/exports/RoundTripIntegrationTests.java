package org.backstory.exports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.backstory.BackstoryApplication;
import org.backstory.OwnDatabase;
import org.backstory.TestDatabase;
import org.backstory.Visitor;
import org.backstory.billing.BillingFixtures;
import org.backstory.billing.NewPlan;
import org.backstory.billing.PlanCatalog;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.backstory.members.NewAccount;
import org.backstory.newsletters.NewsletterSettings;
import org.backstory.newsletters.Newsletters;
import org.backstory.newsletters.OptIns;
import org.backstory.publishing.ArticleDraft;
import org.backstory.publishing.ArticleEditor;
import org.backstory.publishing.ArticleSeo;
import org.backstory.publishing.Visibility;
import org.backstory.shared.CsvReader;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The owner's export brought into a second Backstory, over HTTP: this application (on a database of its own)
 * is seeded and exported; a second application, started here on another empty database, imports its
 * posts.json at {@code /admin/import} and its members.csv at {@code /admin/members/import} and is exported
 * again. What the importers read back must come out the same. Ids and the times rows were created differ
 * (the second site makes its own rows), and so do plans, newsletters and settings, which are not imported:
 * both sites get the same ones by hand here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@OwnDatabase("roundtrip_source")
class RoundTripIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	ConfigurableApplicationContext source;

	@Test
	void aSecondBackstoryExportsTheSameArticlesAndNewsletterOptInsItImported() throws Exception {
		NewPlan plan = BillingFixtures.newPlan();
		Visitor sourceOwner = prepare(source, port, plan);
		seed(source);
		String posts = download(sourceOwner, "/admin/export/posts.json");
		String members = download(sourceOwner, "/admin/export/members.csv");

		try (ConfigurableApplicationContext target = startEmptyBackstory()) {
			assertThat(target.getEnvironment().getProperty("backstory.database.url")).contains("/roundtrip_");
			int targetPort = Integer.parseInt(target.getEnvironment().getRequiredProperty("local.server.port"));
			Visitor targetOwner = prepare(target, targetPort, plan);

			Visitor.Page imported = confirm(targetOwner,
					targetOwner.upload("/admin/import", "/admin/import", "file", "posts.json", posts.getBytes(StandardCharsets.UTF_8)));
			assertThat(imported.status()).as(imported.body()).isEqualTo(303);
			Visitor.Page membersDryRun = targetOwner.upload("/admin/members/import", "/admin/members/import", "file",
					"members.csv", members.getBytes(StandardCharsets.UTF_8));
			assertThat(membersDryRun.status()).as(membersDryRun.body()).isEqualTo(200);
			assertThat(confirm(targetOwner, membersDryRun).status()).isEqualTo(303);

			String postsAgain = download(targetOwner, "/admin/export/posts.json");
			String membersAgain = download(targetOwner, "/admin/export/members.csv");

			assertThat(articles(posts)).containsOnlyKeys("open-harbour", "members-tide", "paid-dredge", "tier-letter",
					"regatta", "unfinished");
			assertThat(articles(posts).get("open-harbour")).contains("\"slug_aliases\":[\"first-name\"]")
				.contains("\"storyline_id\":\"silt\"");
			assertThat(html(posts).get("members-tide")).contains("<!--members-only-->");
			assertThat(articles(postsAgain)).isEqualTo(articles(posts));
			assertThat(html(postsAgain)).isEqualTo(html(posts));
			Map<String, List<String>> before = members(members);
			Map<String, List<String>> after = members(membersAgain);
			for (String email : List.of("weekly", "both", "none")) {
				String address = email + "@roundtrip.example";
				assertThat(after.get(address)).as(address).isEqualTo(before.get(address));
			}
			assertThat(before.get("both@roundtrip.example")).last().isEqualTo("weekly,digest");
		}
	}

	/** The owner of a site signed in, its plan and its two newsletters (none of which is imported). */
	private static Visitor prepare(ConfigurableApplicationContext app, int port, NewPlan plan) {
		app.getBean(PlanCatalog.class).createPlan(plan);
		Newsletters newsletters = app.getBean(Newsletters.class);
		newsletters.create(new NewsletterSettings("weekly", "Weekly", "Every week.", "The Desk", "desk@roundtrip.example",
				null, true));
		newsletters.create(new NewsletterSettings("digest", "Digest", "Once a month.", "The Desk",
				"desk@roundtrip.example", null, false));
		String email = MemberFixtures.account(app.getBean(MemberDirectory.class), "roundtrip-owner", MemberRole.OWNER);
		Visitor owner = new Visitor(port);
		assertThat(owner.signIn(email, MemberFixtures.PASSWORD).status()).isEqualTo(302);
		return owner;
	}

	/** Articles of every visibility and status, a storyline, tags, an old slug; members with their opt-ins. */
	private static void seed(ConfigurableApplicationContext app) {
		ArticleEditor editor = app.getBean(ArticleEditor.class);
		Clock clock = app.getBean(Clock.class);
		editor.createAuthor("harbour-desk", "Harbour Desk", "Writes about the port.", null);
		editor.createTag("tides", "Tides");
		editor.createTag("boats", "Boats");
		editor.createStoryline("silt", "Silt", "How the harbour fills up.");
		String gated = "The channel is **dredged** every spring.\n\n<!-- paywall -->\n\nIt costs *four million*.";
		long renamed = article(editor, "first-name", "Everyone reads this", "Open to **all**.", Visibility.everyone(),
				List.of("tides", "boats"), "silt", 1);
		editor.publish(renamed, clock.instant().minus(Duration.ofDays(3)), true);
		editor.changeSlug(renamed, "open-harbour");
		editor.publish(article(editor, "members-tide", "Members read the tide", gated, Visibility.members(),
				List.of("tides"), "silt", 2), clock.instant().minus(Duration.ofDays(2)), true);
		editor.publish(article(editor, "paid-dredge", "Paid readers see the cost", gated, Visibility.paid(),
				List.of(), null, null), clock.instant().minus(Duration.ofDays(1)), true);
		editor.publish(article(editor, "tier-letter", "A letter for one tier", gated,
				Visibility.tiers(Set.of(app.getBean(PlanCatalog.class).activePlans().get(0).tier())), List.of("boats"), null,
				null), clock.instant().minus(Duration.ofHours(5)), false);
		editor.publish(article(editor, "regatta", "The regatta next month", "Boats race.", Visibility.everyone(),
				List.of(), null, null), clock.instant().plus(Duration.ofDays(30)), true);
		article(editor, "unfinished", "Unfinished thoughts", "A draft about buoys.", Visibility.members(), List.of(),
				null, null);

		MemberDirectory directory = app.getBean(MemberDirectory.class);
		OptIns optIns = app.getBean(OptIns.class);
		Map<String, Long> newsletters = new HashMap<>();
		app.getBean(Newsletters.class).all().forEach(n -> newsletters.put(n.slug(), n.id()));
		Map<String, List<String>> chosen = new LinkedHashMap<>();
		chosen.put("weekly", List.of("weekly"));
		chosen.put("both", List.of("weekly", "digest"));
		chosen.put("none", List.of());
		chosen.forEach((who, slugs) -> {
			long id = directory.createAccount(new NewAccount(who + "@roundtrip.example", "Reader " + who, null,
					MemberRole.MEMBER, true));
			optIns.choose(id, slugs.stream().map(newsletters::get).toList());
		});
	}

	private static long article(ArticleEditor editor, String slug, String title, String body, Visibility visibility,
			List<String> tags, String storyline, Integer position) {
		return editor.save(new ArticleDraft(null, slug, title, "The dek of " + slug, body, List.of("harbour-desk"), tags,
				storyline, position, null, visibility, new ArticleSeo("SEO " + slug, "About " + slug, null)));
	}

	/**
	 * A second application on an empty database of its own, as a new Backstory would be. The settings are
	 * command-line arguments, which win over application.properties (the builder's own properties would not).
	 */
	private static ConfigurableApplicationContext startEmptyBackstory() throws IOException {
		String database = "roundtrip_" + Long.toString(System.nanoTime(), 36);
		return new SpringApplicationBuilder(BackstoryApplication.class).run("--server.port=0", "--server.address=127.0.0.1",
				"--backstory.database.url=" + TestDatabase.url(database), "--backstory.database.username=postgres",
				"--backstory.data-dir=" + Files.createTempDirectory("backstory-roundtrip"), "--backstory.demo=false",
				"--db-scheduler.polling-interval=1s", "--db-scheduler.shutdown-max-wait=2s");
	}

	private static String download(Visitor owner, String path) {
		Visitor.Page page = owner.get(path);
		assertThat(page.status()).as(path).isEqualTo(200);
		return page.body();
	}

	private static Visitor.Page confirm(Visitor owner, Visitor.Page dryRun) {
		Element form = dryRun.document().selectFirst("form.import-confirm");
		assertThat(form).as("an Import button on the dry run: " + dryRun.body()).isNotNull();
		Map<String, String> fields = new LinkedHashMap<>();
		form.select("input[type=hidden]").forEach(input -> fields.put(input.attr("name"), input.attr("value")));
		return owner.post(form.attr("action"), fields);
	}

	/**
	 * The backstory section's articles by slug, without what the second site makes its own (ids, Ghost ids,
	 * creation and change times), with the storyline by slug.
	 */
	private static Map<String, String> articles(String posts) {
		JsonNode backstory = JSON.readTree(posts).path("db").path(0).path("backstory");
		Map<String, String> storylines = new HashMap<>();
		backstory.path("storylines").forEach(s -> storylines.put(s.path("storyline_id").asString(""), s.path("slug").asString("")));
		Map<String, String> articles = new LinkedHashMap<>();
		backstory.path("articles").forEach(article -> {
			ObjectNode row = (ObjectNode) article.deepCopy();
			row.remove(List.of("post_id", "id", "created_at", "updated_at"));
			row.put("storyline_id", storylines.get(article.path("storyline_id").asString("")));
			articles.put(article.path("slug").asString(""), row.toString());
		});
		return articles;
	}

	/** Each post's html and status by slug, as Ghost reads them. */
	private static Map<String, String> html(String posts) {
		Map<String, String> html = new LinkedHashMap<>();
		JSON.readTree(posts).path("db").path(0).path("data").path("posts")
			.forEach(post -> html.put(post.path("slug").asString(""), post.path("status").asString("") + " "
					+ post.path("visibility").asString("") + " " + post.path("html").asString("")));
		return html;
	}

	/** members.csv rows by address, without the id column. */
	private static Map<String, List<String>> members(String csv) throws CsvReader.MalformedCsvException {
		Map<String, List<String>> rows = new HashMap<>();
		CsvReader.parse(csv).stream().skip(1).forEach(record -> rows.put(record.fields().get(1),
				record.fields().subList(1, record.fields().size())));
		return rows;
	}

}
