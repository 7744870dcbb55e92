package org.backstory.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.backstory.TestDatabase;
import org.flywaydb.core.Flyway;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Bodies stored before the house format had parts of its own are split by the Java
 * migration {@link SplitHouseFormat} without loss: every demo article and a set of edge
 * cases show readers the same text after it as before, with and without access, and no
 * gated article shows more of itself to readers without access.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SplitHouseFormatIntegrationTests {

	private static final Instant SAVED = Instant.parse("2026-11-01T10:00:00Z");

	private static final String BACKGROUND = "## Before you read\n\n";

	private static final String NOW = "## What's going on now\n\n";

	@Autowired
	JdbcClient appDatabase;

	@Test
	void theApplicationRanTheMigrationAtStartUp() {
		Map<String, Object> applied = appDatabase
			.sql("select type, success from flyway_schema_history where version = '2026.12.09.11'")
			.query()
			.singleRow();

		assertThat(applied).containsEntry("type", "JDBC").containsEntry("success", true);
	}

	@Test
	void everyDemoArticleAndEveryEdgeCaseShowsReadersTheSameTextAfterTheMigration() throws IOException {
		Map<String, Stored> articles = new LinkedHashMap<>();
		for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath:demo/articles/*.md")) {
			String source = file.getContentAsString(StandardCharsets.UTF_8);
			int end = source.indexOf("\n---\n", 4);
			String visibility = source.substring(0, end)
				.lines()
				.filter(line -> line.startsWith("visibility:"))
				.map(line -> line.substring("visibility:".length()).strip())
				.findFirst()
				.orElseThrow();
			articles.put("demo-" + file.getFilename().replace(".md", ""),
					new Stored(source.substring(end + 5), visibility.startsWith("tiers") ? "paid" : visibility));
		}
		articles.put("marker-in-background", new Stored("Lede.\n\n" + BACKGROUND
				+ "Free background.\n\n<!-- paywall -->\n\n" + "Paid background.\n\n" + NOW + "Paid now.", "paid"));
		articles.put("marker-in-opening", new Stored(
				"Lede.\n\n<!-- paywall -->\n\n" + BACKGROUND + "Paid background.\n\n" + NOW + "Paid now.", "members"));
		articles.put("no-marker",
				new Stored("Lede one.\n\nLede two.\n\n" + BACKGROUND
						+ "A background long enough that the capped opening would never have shown it to anyone.\n\n"
						+ NOW + "Paid now.", "paid"));
		articles.put("marker-in-now",
				new Stored(
						"Lede.\n\n" + BACKGROUND + "Free background.\n\n" + NOW
								+ "Free now.\n\n<!-- paywall -->\n\nPaid now.\n\n## Analysis\n\nPaid analysis.",
						"paid"));
		articles
			.put("public-with-links",
					new Stored(
							"Lede with [a map][map].\n\n[map]: https://example.com/map\n\n" + BACKGROUND
									+ "Background.\n\n" + NOW + "Now with [the map][map].\n\n## Later\n\nMore.",
							"public"));
		articles.put("one-heading-only", new Stored("Lede.\n\n" + BACKGROUND + "Background.", "public"));
		DataSource database = new DriverManagerDataSource(TestDatabase.url("split_house_format"),
				TestDatabase.username(), TestDatabase.password());
		migrate(database, "2026.12.09.10");
		JdbcClient jdbc = JdbcClient.create(database);
		ArticleRenderer renderer = new ArticleRenderer();
		articles.forEach((slug, article) -> {
			RenderedBody before = renderer.render(article.markdown(), !article.visibility().equals("public"));
			jdbc.sql(
					"""
							insert into publishing.article (slug, title, body_markdown, preview_html, gated_html, preview_capped,
							  status, published_at, visibility, created_at, updated_at)
							values (?, ?, ?, ?, ?, ?, 'published', ?, ?, ?, ?)
							""")
				.params(slug, slug, article.markdown(), before.previewHtml(), before.gatedHtml(),
						before.previewCapped(), Timestamp.from(SAVED), article.visibility(), Timestamp.from(SAVED),
						Timestamp.from(SAVED))
				.update();
		});
		Map<String, Map<String, Object>> before = rows(jdbc);

		migrate(database, "latest");

		Map<String, Map<String, Object>> after = rows(jdbc);
		after.forEach((slug, row) -> {
			Map<String, Object> was = before.get(slug);
			assertThat(text(row, "preview_html")).as(slug + ": what readers without access see")
				.isEqualTo(text(was, "preview_html"));
			assertThat(text(row, "preview_html") + " " + text(row, "gated_html"))
				.as(slug + ": what readers with access see")
				.isEqualTo(text(was, "preview_html") + " " + text(was, "gated_html"));
			assertThat(row.get("updated_at")).as(slug).isEqualTo(Timestamp.from(SAVED));
		});
		assertThat(after.get("demo-01-tamsel-strait-standoff").get("background_markdown")).asString().isNotBlank();
		assertThat(after.get("demo-04-a-phone-call-from-sael").get("now_markdown")).asString()
			.contains("<!-- paywall -->");
		assertThat(after.get("marker-in-now")).containsEntry("body_markdown", "Lede.")
			.containsEntry("background_markdown", "Free background.")
			.containsEntry("now_markdown",
					"Free now.\n\n<!-- paywall -->\n\nPaid now.\n\n## Analysis\n\nPaid analysis.");
		assertThat((String) after.get("marker-in-now").get("preview_html"))
			.contains("<section class=\"whats-going-on-now\">");
		assertThat(after.get("public-with-links").get("preview_html")).asString()
			.contains("<section class=\"before-you-read\"><h2>Before you read</h2>")
			.doesNotContain("[the map]");
		assertThat(after.get("public-with-links")).containsEntry("now_markdown",
				"Now with [the map][map].\n\n## Later\n\nMore.");
		for (String kept : new String[] { "marker-in-background", "marker-in-opening", "no-marker",
				"one-heading-only" }) {
			assertThat(after.get(kept)).as(kept + " stays a free-standing body")
				.containsEntry("background_markdown", "")
				.containsEntry("now_markdown", "")
				.containsEntry("body_markdown", articles.get(kept).markdown())
				.containsEntry("preview_html", before.get(kept).get("preview_html"))
				.containsEntry("gated_html", before.get(kept).get("gated_html"));
		}
	}

	private static String text(Map<String, Object> row, String column) {
		return Jsoup.parseBodyFragment((String) row.get(column)).text();
	}

	private static void migrate(DataSource database, String target) {
		Flyway.configure()
			.dataSource(database)
			.locations("classpath:db/migration")
			.javaMigrations(new ResplitGatedArticles(), new SplitHouseFormat())
			.target(target)
			.load()
			.migrate();
	}

	private static Map<String, Map<String, Object>> rows(JdbcClient jdbc) {
		Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
		jdbc.sql("""
				select slug, body_markdown, background_markdown, now_markdown, preview_html, gated_html, updated_at
				from publishing.article order by id
				""").query().listOfRows().forEach(row -> rows.put((String) row.get("slug"), row));
		return rows;
	}

	private record Stored(String markdown, String visibility) {
	}

}
