package org.backstory.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import javax.sql.DataSource;

import org.backstory.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Articles stored with the old split (a gated list sent whole, a link defined below the
 * marker resolved in the preview) are re-split by the Java migration, and the application
 * runs it through Flyway at start-up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ResplitGatedArticlesIntegrationTests {

	private static final Instant SAVED = Instant.parse("2026-11-01T10:00:00Z");

	@Autowired
	JdbcClient appDatabase;

	@Test
	void theApplicationRanTheMigrationAtStartUp() {
		Map<String, Object> applied = appDatabase
			.sql("select type, success from flyway_schema_history where version = '2026.12.06.41'")
			.query()
			.singleRow();

		assertThat(applied).containsEntry("type", "JDBC").containsEntry("success", true);
	}

	@Test
	void gatedArticlesStoredWithTheOldSplitAreResplitAndPublicOnesLeftAlone() {
		DataSource database = new DriverManagerDataSource(TestDatabase.url("resplit_gated_articles"),
				TestDatabase.username(), TestDatabase.password());
		migrate(database, "2026.12.06.40");
		JdbcClient jdbc = JdbcClient.create(database);
		String list = "- first item of the list\n- second item of the list\n- the paid end of the list\n";
		insert(jdbc, "old-paid-list", list, "paid", "<ul>\n<li>first item of the list</li>\n"
				+ "<li>second item of the list</li>\n<li>the paid end of the list</li>\n</ul>\n", "");
		insert(jdbc, "old-link-reference",
				"Free [x].\n\n<!-- paywall -->\n\nPaid.\n\n[x]: https://secret.example/paid-url\n", "members",
				"<p>Free <a href=\"https://secret.example/paid-url\" rel=\"nofollow noopener\">x</a>.</p>\n",
				"<p>Paid.</p>\n");
		insert(jdbc, "old-public-list", list, "public", "<ul>stored as it was</ul>", "");

		migrate(database, "latest");

		Map<String, Object> paidList = row(jdbc, "old-paid-list");
		assertThat((String) paidList.get("preview_html")).doesNotContain("paid end");
		assertThat((String) paidList.get("gated_html")).contains("the paid end of the list");
		assertThat(paidList).containsEntry("preview_capped", true).containsEntry("updated_at", Timestamp.from(SAVED));
		Map<String, Object> linkReference = row(jdbc, "old-link-reference");
		assertThat(linkReference).containsEntry("preview_html", "<p>Free [x].</p>\n")
			.containsEntry("gated_html", "<p>Paid.</p>\n")
			.containsEntry("preview_capped", false);
		assertThat(row(jdbc, "old-public-list")).containsEntry("preview_html", "<ul>stored as it was</ul>")
			.containsEntry("gated_html", "");
	}

	private static void migrate(DataSource database, String target) {
		Flyway.configure()
			.dataSource(database)
			.locations("classpath:db/migration")
			.javaMigrations(new ResplitGatedArticles())
			.target(target)
			.load()
			.migrate();
	}

	private static void insert(JdbcClient jdbc, String slug, String markdown, String visibility, String preview,
			String gated) {
		jdbc.sql(
				"""
						insert into publishing.article (slug, title, body_markdown, preview_html, gated_html, status, published_at,
						  visibility, created_at, updated_at)
						values (?, ?, ?, ?, ?, 'published', ?, ?, ?, ?)
						""")
			.params(slug, slug, markdown, preview, gated, Timestamp.from(SAVED), visibility, Timestamp.from(SAVED),
					Timestamp.from(SAVED))
			.update();
	}

	private static Map<String, Object> row(JdbcClient jdbc, String slug) {
		return jdbc
			.sql("select preview_html, gated_html, preview_capped, updated_at from publishing.article where slug = ?")
			.param(slug)
			.query()
			.singleRow();
	}

}
