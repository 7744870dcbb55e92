package org.backstory.publishing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.backstory.Visitor;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The editor over the wire: bad input answered with a clear message and nothing saved,
 * optimistic locking, autosave and revisions, the second editor's warning, the list's
 * filters.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ArticleAdminIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory directory;

	@Autowired
	JdbcClient jdbc;

	Newsroom newsroom;

	Visitor editor;

	@BeforeEach
	void newsroom() {
		newsroom = new Newsroom(port, directory);
		editor = newsroom.staff(MemberRole.EDITOR);
	}

	@Test
	void aHugeMarkdownPasteIsRefusedWithAClearMessageAndNothingIsSaved() {
		String slug = Newsroom.slug("huge");
		Map<String, String> fields = Newsroom.with(Newsroom.fields(slug, Newsroom.ownAuthor(editor)), "body",
				"word ".repeat(40_001));

		Visitor.Page refused = editor.submit("/admin/articles/new", "/admin/articles", fields);

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.document().select(".error").text())
			.contains("The body is 200,005 characters long; an article can have at most 200,000. Nothing was saved.");
		assertThat(refused.document().selectFirst("input[name=slug]").attr("value")).isEqualTo(slug);
		assertThat(articlesWithSlug(slug)).isZero();
	}

	@Test
	void aSlugThatCollidesIsRefusedWithAClearMessage() {
		String slug = Newsroom.slug("taken");
		Newsroom.write(editor, slug);

		Visitor.Page refused = editor.submit("/admin/articles/new", "/admin/articles",
				Newsroom.with(Newsroom.fields(slug, Newsroom.ownAuthor(editor)), "title", "Another title"));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.document().select(".error").text())
			.contains("The slug '" + slug + "' is already used by another article.");
		assertThat(articlesWithSlug(slug)).isOne();
	}

	@Test
	void aScheduleTimeInThePastIsRefusedWithASentence() {
		String slug = Newsroom.slug("past");
		long id = Newsroom.write(editor, slug);

		Visitor.Page refused = editor.submit("/admin/articles/" + id, "/admin/articles/" + id + "/schedule",
				Map.of("at", "2020-01-01T09:00"));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.document().select(".error").text()).contains("A scheduled time must be in the future.");
		assertThat(status(id)).isEqualTo("draft");
	}

	@Test
	void twoSavesFromTheSameVersionLeaveTheFirstAndTellTheSecondWhoSavedWhen() {
		String slug = Newsroom.slug("locking");
		long id = Newsroom.write(editor, slug);
		Visitor second = newsroom.staff(MemberRole.EDITOR);
		String author = Newsroom.ownAuthor(editor);
		String version = editor.get("/admin/articles/" + id)
			.document()
			.selectFirst("input[name=version]")
			.attr("value");
		String csrf = Newsroom.csrf(editor, "/admin/articles/" + id);
		String secondCsrf = Newsroom.csrf(second, "/admin/articles/" + id);

		Map<String, String> first = Newsroom.with(Newsroom.fields(slug, author), "body", "The first editor's text.");
		first.put("version", version);
		first.put("_csrf", csrf);
		assertThat(editor.post("/admin/articles/" + id, first).status()).isEqualTo(302);

		Map<String, String> stale = Newsroom.with(Newsroom.fields(slug, author), "body", "The second editor's text.");
		stale.put("version", version);
		stale.put("_csrf", secondCsrf);
		Visitor.Page refused = second.post("/admin/articles/" + id, stale);

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.document().select(".error").text()).matches(
				".*Test editor saved a newer version at \\d\\d:\\d\\d UTC; your text is below, copy it and reload\\..*");
		assertThat(refused.document().selectFirst("textarea[name=body]").text()).isEqualTo("The second editor's text.");
		assertThat(body(id)).isEqualTo("The first editor's text.");

		Map<String, String> staleAutosave = Newsroom.with(stale, "id", Long.toString(id));
		Visitor.Page conflict = second.post("/admin/articles/autosave", staleAutosave);
		assertThat(conflict.status()).isEqualTo(409);
		assertThat(conflict.body()).contains("saved a newer version at");
		assertThat(body(id)).isEqualTo("The first editor's text.");
	}

	@Test
	void autosavesByOnePersonKeepOneRevisionAndASaveAddsAnother() {
		String slug = Newsroom.slug("autosave");
		Map<String, String> fields = Newsroom.fields(slug, Newsroom.ownAuthor(editor));
		String csrf = Newsroom.csrf(editor, "/admin/articles/new");

		Visitor.Page created = editor.post("/admin/articles/autosave",
				Newsroom.with(Newsroom.with(fields, "_csrf", csrf), "body", "First autosave."));
		assertThat(created.status()).as(created.body()).isEqualTo(200);
		long id = Long.parseLong(created.body().replaceAll(".*\"id\":(\\d+).*", "$1"));
		Map<String, String> next = Newsroom.with(Newsroom.with(fields, "_csrf", csrf), "id", Long.toString(id));
		Visitor.Page second = editor.post("/admin/articles/autosave",
				Newsroom.with(Newsroom.with(next, "version", "1"), "body", "Second autosave."));
		assertThat(second.status()).as(second.body()).isEqualTo(200);
		assertThat(second.body()).contains("\"version\":2").containsPattern("\"savedAt\":\"\\d\\d:\\d\\d\"");
		assertThat(revisions(id)).isOne();

		assertThat(editor
			.submit("/admin/articles/" + id, "/admin/articles/" + id, Newsroom.with(fields, "body", "A manual save."))
			.status()).isEqualTo(302);
		assertThat(revisions(id)).isEqualTo(2);

		Visitor.Page list = editor.get("/admin/articles/" + id + "/revisions");
		assertThat(list.document().select("table.staff-table tbody tr")).hasSize(2);
		String autosaved = list.document().select("table.staff-table tbody tr").last().selectFirst("a").attr("href");
		assertThat(editor.get(autosaved).document().select("pre.revision-body").text()).isEqualTo("Second autosave.");

		Visitor.Page restored = editor.submit(autosaved, autosaved + "/restore", Map.of());
		assertThat(restored.status()).isEqualTo(302);
		assertThat(body(id)).isEqualTo("Second autosave.");
		assertThat(revisions(id)).isEqualTo(3);
	}

	@Test
	void aPublishedArticleIsNotAutosaved() {
		String slug = Newsroom.slug("no-autosave");
		long id = Newsroom.write(editor, slug);
		assertThat(editor.submit("/admin/articles/" + id, "/admin/articles/" + id + "/publish", Map.of()).status())
			.isEqualTo(302);
		Map<String, String> fields = Newsroom.fields(slug, Newsroom.ownAuthor(editor));
		fields.put("_csrf", Newsroom.csrf(editor, "/admin/articles/" + id));
		fields.put("id", Long.toString(id));
		fields.put("version",
				editor.get("/admin/articles/" + id).document().selectFirst("input[name=version]").attr("value"));

		Visitor.Page refused = editor.post("/admin/articles/autosave", Newsroom.with(fields, "body", "Half-typed"));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(body(id)).doesNotContain("Half-typed");
	}

	@Test
	void theSecondEditorIsToldWhoHasTheArticleOpen() {
		long id = Newsroom.write(editor, Newsroom.slug("presence"));
		editor.get("/admin/articles/" + id);
		Visitor second = newsroom.staff(MemberRole.EDITOR);

		Visitor.Page page = second.get("/admin/articles/" + id);

		assertThat(page.document().select(".presence-warning").text())
			.matches("Test editor has been editing this article since \\d\\d:\\d\\d UTC\\.");
		String csrf = Newsroom.csrf(editor, "/admin/articles/" + id);
		assertThat(editor.post("/admin/articles/" + id + "/presence", Map.of("_csrf", csrf)).body())
			.contains("has been editing this article since");
	}

	@Test
	void theListFiltersBySearchStatusVisibilityAndOwnArticles() {
		String word = "zephyrine" + Newsroom.slug("w").replace("-", "");
		Visitor contributor = newsroom.staff(MemberRole.CONTRIBUTOR);
		String slug = Newsroom.slug("listed");
		Map<String, String> fields = Newsroom.with(Newsroom.fields(slug, Newsroom.ownAuthor(contributor)), "body",
				"A body with the word " + word + " in it.");
		long id = Newsroom.write(contributor, Newsroom.with(fields, "visibility", "members"));
		String row = "/admin/articles/" + id + "\"";

		assertThat(editor.get("/admin/articles?q=" + word).body()).contains(row);
		assertThat(editor.get("/admin/articles?q=" + word + "&status=draft&visibility=members").body()).contains(row);
		assertThat(editor.get("/admin/articles?q=" + word + "&status=published").body()).doesNotContain(row);
		assertThat(editor.get("/admin/articles?q=" + word + "&visibility=paid").body()).doesNotContain(row);
		assertThat(contributor.get("/admin/articles?q=" + word).body()).contains(row);
		assertThat(newsroom.staff(MemberRole.AUTHOR).get("/admin/articles?q=" + word).body()).doesNotContain(row);
	}

	/**
	 * The staff list searches the readers' full-text index over every article, drafts
	 * included, and the whole text: word forms and accents are ignored and a word after
	 * the paywall line is found, best match first.
	 */
	@Test
	void theListSearchesTheFullTextIndexOverDraftsAndGatedText() {
		String word = "brannockite" + Newsroom.slug("w").replace("-", "");
		String slug = Newsroom.slug("fulltext");
		Map<String, String> fields = Newsroom.with(Newsroom.fields(slug, Newsroom.ownAuthor(editor)), "body",
				"The free opening.\n\n<!-- paywall -->\n\nThe harbours of Orvénna and the " + word + " ledger.");
		long id = Newsroom.write(editor, Newsroom.with(fields, "visibility", "paid"));
		long titled = Newsroom.write(editor,
				Newsroom.with(Newsroom.fields(Newsroom.slug("titled"), Newsroom.ownAuthor(editor)), "title",
						"The " + word + " in the title"));
		String row = "/admin/articles/" + id + "\"";

		Visitor.Page found = editor.get("/admin/articles?status=draft&q=" + "harbour+orvenna+" + word);
		assertThat(found.body()).contains(row);
		assertThat(editor.get("/admin/articles?q=harbour+orvenna+" + word + "+-ledger").body()).doesNotContain(row);
		assertThat(editor.get("/admin/articles?q=" + word).document().select(".staff-table tbody a").eachAttr("href"))
			.containsExactly("/admin/articles/" + titled, "/admin/articles/" + id);
	}

	@Test
	void aPageNumberPastTheLastShowsTheLastPage() {
		String word = "quillwort" + Newsroom.slug("w").replace("-", "");
		long id = Newsroom.write(editor,
				Newsroom.with(Newsroom.fields(Newsroom.slug("paged"), Newsroom.ownAuthor(editor)), "body",
						"A body with the word " + word + " in it."));

		Visitor.Page page = editor.get("/admin/articles?q=" + word + "&page=100000000");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("/admin/articles/" + id + "\"");
	}

	@Test
	void aStaffMemberWithoutABylineGetsOneFromTheirNameOnFirstUseAndKeepsIt() {
		String first = Newsroom.ownAuthor(editor);
		String other = Newsroom.ownAuthor(newsroom.staff(MemberRole.EDITOR));

		assertThat(first).matches("test-editor(-\\d+)?");
		assertThat(other).matches("test-editor(-\\d+)?").isNotEqualTo(first);
		assertThat(Newsroom.ownAuthor(editor)).isEqualTo(first);
		assertThat(
				jdbc.sql("select name from publishing.author where slug = ?").param(first).query(String.class).single())
			.isEqualTo("Test editor");
	}

	@Test
	void theLivePreviewRendersTheHouseSectionsAndMarksThePaywall() {
		String csrf = Newsroom.csrf(editor, "/admin/articles/new");

		Visitor.Page preview = editor.post("/admin/articles/preview",
				Map.of("_csrf", csrf, "body", "## Before you read\n\nContext.\n\n<!-- paywall -->\n\nGated."));

		assertThat(preview.status()).isEqualTo(200);
		assertThat(preview.body()).contains("before-you-read").contains("paywall-marker").contains("Gated.");
	}

	/**
	 * "Never open this article through the free-article meter" (issue 16 §3) is saved
	 * with the article and shown ticked again; unticking clears it, and it is kept only
	 * for a paid or tier article.
	 */
	@Test
	void theMeterExemptionIsSavedAndShownWithTheArticle() {
		String slug = Newsroom.slug("exempt");
		Map<String, String> fields = Newsroom.fields(slug, Newsroom.ownAuthor(editor));
		long id = Newsroom.write(editor, Newsroom.with(fields, "meterExempt", "true"));
		String page = "/admin/articles/" + id;

		assertThat(meterExempt(id)).isTrue();
		assertThat(editor.get(page).document().selectFirst("input[name=meterExempt]").hasAttr("checked")).isTrue();
		assertThat(editor.get(page).document().selectFirst("label[for=meterExempt]").text())
			.startsWith("Never open this article through the free-article meter");

		assertThat(editor.submit(page, page, fields).status()).isEqualTo(302);
		assertThat(meterExempt(id)).isFalse();
		assertThat(editor.get(page).document().selectFirst("input[name=meterExempt]").hasAttr("checked")).isFalse();

		Map<String, String> forATier = Newsroom.with(Newsroom.with(fields, "meterExempt", "true"), "visibility",
				"tiers");
		forATier.put("tiers", "supporter");
		assertThat(editor.submit(page, page, forATier).status()).isEqualTo(302);
		assertThat(meterExempt(id)).isTrue();

		long firstRevision = jdbc.sql("select min(id) from publishing.article_revision where article_id = ?")
			.param(id)
			.query(Long.class)
			.single();
		int version = jdbc.sql("select version from publishing.article where id = ?")
			.param(id)
			.query(Integer.class)
			.single();
		assertThat(editor
			.post(page + "/revisions/" + firstRevision + "/restore",
					Map.of("version", Integer.toString(version), "_csrf", Newsroom.csrf(editor, page)))
			.status()).isEqualTo(302);
		assertThat(meterExempt(id)).as("a restored revision keeps the exemption").isTrue();

		assertThat(editor
			.submit(page, page, Newsroom.with(Newsroom.with(fields, "meterExempt", "true"), "visibility", "members"))
			.status()).isEqualTo(302);
		assertThat(meterExempt(id)).isFalse();
	}

	private boolean meterExempt(long id) {
		return jdbc.sql("select meter_exempt from publishing.article where id = ?")
			.param(id)
			.query(Boolean.class)
			.single();
	}

	private long articlesWithSlug(String slug) {
		return jdbc.sql("select count(*) from publishing.article where slug = ?")
			.param(slug)
			.query(Long.class)
			.single();
	}

	private String status(long id) {
		return jdbc.sql("select status from publishing.article where id = ?").param(id).query(String.class).single();
	}

	private String body(long id) {
		return jdbc.sql("select body_markdown from publishing.article where id = ?")
			.param(id)
			.query(String.class)
			.single();
	}

	private long revisions(long id) {
		return jdbc.sql("select count(*) from publishing.article_revision where article_id = ?")
			.param(id)
			.query(Long.class)
			.single();
	}

}
