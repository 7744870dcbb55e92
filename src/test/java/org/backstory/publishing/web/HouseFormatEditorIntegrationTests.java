package org.backstory.publishing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.backstory.Visitor;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jsoup.nodes.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The house format in the editor (issue 14 §1): the opening, background and now part are
 * posted as three fields and stored apart; a gated piece's free preview ends after the
 * background, or at a paywall marker in the now part; a marker in the background or
 * opening is refused with a form message and nothing is written.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HouseFormatEditorIntegrationTests {

	private static final String OPENING = "The opening everyone reads.";

	private static final String BACKGROUND = "The background everyone reads.";

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory directory;

	@Autowired
	JdbcClient jdbc;

	Visitor editor;

	String slug;

	@BeforeEach
	void signIn() {
		editor = new Newsroom(port, directory).staff(MemberRole.EDITOR);
		slug = Newsroom.slug("house");
	}

	Long published;

	@AfterEach
	void unpublish() {
		if (published != null) {
			assertThat(editor
				.submit("/admin/articles/" + published, "/admin/articles/" + published + "/unpublish", Map.of())
				.status()).isEqualTo(302);
		}
	}

	@Test
	void theEditorShowsThreeBoundedPanesEachWithItsWordCountAndAPlaceForTheSuggestPanel() {
		Document page = editor.get("/admin/articles/new").document();

		assertThat(page.select("textarea#body[name=body]")).hasSize(1);
		assertThat(page.select(".pane-background textarea#background[name=background]")).hasSize(1);
		assertThat(page.select(".pane-now textarea#now[name=now]")).hasSize(1);
		assertThat(
				page.select(".word-count[data-for=body], .word-count[data-for=background], .word-count[data-for=now]"))
			.hasSize(3);
		assertThat(page.select("label[for=background]").text()).startsWith("Before you read");
		assertThat(page.select("label[for=now]").text()).startsWith("What's going on now");
	}

	@Test
	void aFormattedArticleIsStoredInItsPartsAndAReaderWithoutAccessStopsAfterTheBackground() {
		long id = write(slug, "paid", "The now part only subscribers read.");

		Map<String, Object> row = jdbc.sql("""
				select body_markdown, background_markdown, now_markdown, preview_html, gated_html
				from publishing.article where id = ?""").param(id).query().singleRow();
		assertThat(row).containsEntry("body_markdown", OPENING)
			.containsEntry("background_markdown", BACKGROUND)
			.containsEntry("now_markdown", "The now part only subscribers read.");
		publish(id);
		Document anonymous = new Visitor(port).get("/p/" + slug).document();
		assertThat(anonymous.select("section.before-you-read").text()).isEqualTo("Before you read " + BACKGROUND);
		assertThat(anonymous.text()).contains(OPENING).doesNotContain("only subscribers read", "What's going on now");
		Document subscriber = editor.get("/admin/articles/" + id + "/preview?as=paid").document();
		assertThat(subscriber.select("section.whats-going-on-now").text())
			.isEqualTo("What's going on now The now part only subscribers read.");
		assertThat(subscriber.select("section.before-you-read")).hasSize(1);
	}

	@Test
	void aMarkerInTheNowPartMovesTheCutThere() {
		long id = write(slug, "members",
				"The first lines of now are free.\n\n<!-- paywall -->\n\nThe rest is for members.");
		publish(id);

		Document anonymous = new Visitor(port).get("/p/" + slug).document();
		assertThat(anonymous.select("section.whats-going-on-now").text())
			.isEqualTo("What's going on now The first lines of now are free.");
		assertThat(anonymous.text()).contains(BACKGROUND).doesNotContain("The rest is for members");
		Document member = editor.get("/admin/articles/" + id + "/preview?as=free").document();
		assertThat(member.text()).contains("The first lines of now are free.", "The rest is for members.");
		assertThat(member.select("section.whats-going-on-now.continued").text()).isEqualTo("The rest is for members.");
	}

	@Test
	void aMarkerInTheBackgroundIsRefusedWithAFormMessageAndNothingIsWritten() {
		Map<String, String> fields = fields(slug, "paid", "Now.");
		fields.put("background", "Free.\n\n<!-- paywall -->\n\nMore background.");

		Visitor.Page refused = editor.submit("/admin/articles/new", "/admin/articles", fields);

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.document().select(".error").text())
			.contains("The paywall marker cannot go in the background");
		assertThat(refused.document().selectFirst("textarea#background").text()).contains("More background.");
		assertThat(jdbc.sql("select count(*) from publishing.article where slug = ?")
			.param(slug)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aMarkerInTheOpeningOfAFormattedGatedPieceIsRefusedOnAnEditToo() {
		long id = write(slug, "paid", "Now.");
		int version = jdbc.sql("select version from publishing.article where id = ?")
			.param(id)
			.query(Integer.class)
			.single();
		Map<String, String> fields = fields(slug, "paid", "Now.");
		fields.put("body", "Lede.\n\n<!-- paywall -->\n\nMore lede.");

		Visitor.Page refused = editor.submit("/admin/articles/" + id, "/admin/articles/" + id, fields);

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.document().select(".error").text()).contains("The paywall marker cannot go in the opening");
		assertThat(jdbc.sql("select version, body_markdown from publishing.article where id = ?")
			.param(id)
			.query()
			.singleRow()).containsEntry("version", version).containsEntry("body_markdown", OPENING);
	}

	@Test
	void theLivePreviewMarksWhereReadersStopAndWarnsAboutAMarkerItWouldRefuse() {
		String csrf = Newsroom.csrf(editor, "/admin/articles/new");

		Visitor.Page cut = editor.post("/admin/articles/preview", Map.of("_csrf", csrf, "body", OPENING, "background",
				BACKGROUND, "now", "Paid now.", "visibility", "paid"));
		Visitor.Page refused = editor.post("/admin/articles/preview", Map.of("_csrf", csrf, "background",
				"A.\n\n<!-- paywall -->\n\nB.", "now", "Paid now.", "visibility", "paid"));
		Visitor.Page noNow = editor.post("/admin/articles/preview",
				Map.of("_csrf", csrf, "background", BACKGROUND, "visibility", "paid"));

		assertThat(cut.status()).isEqualTo(200);
		assertThat(cut.body()).doesNotContain("warning");
		String html = cut.body();
		assertThat(html.indexOf(BACKGROUND)).isLessThan(html.indexOf("Readers without access stop here"));
		assertThat(html.indexOf("Readers without access stop here")).isLessThan(html.indexOf("Paid now."));
		assertThat(refused.body()).contains("The paywall marker cannot go in the background");
		assertThat(noNow.body()).contains("has no now part");
	}

	@Test
	void aGatedFormattedPieceWithoutANowPartIsSavedWithItsBackgroundGatedAndTheEditorSaysSo() {
		Map<String, String> fields = fields(slug, "paid", "");

		long id = Newsroom.write(editor, fields);

		assertThat(jdbc.sql("select gated_html from publishing.article where id = ?")
			.param(id)
			.query(String.class)
			.single()).contains(BACKGROUND);
		assertThat(editor.get("/admin/articles/" + id).document().select(".paywall-warning").text())
			.contains("The now part is what subscribers pay for");
	}

	@Test
	void theBackgroundIsFoundInSearchByEveryoneAndTheGatedNowPartOnlyByReadersWhoMayReadIt() {
		String open = word();
		String secret = word();
		Map<String, String> fields = fields(slug, "paid", "The now part says " + secret + " did it.");
		fields.put("background", "The background mentions " + open + ".");
		publish(Newsroom.write(editor, fields));
		Visitor anonymous = new Visitor(port);
		Visitor subscriber = Visitor.demoAccount(port, "subscriber@demo.test");

		assertThat(titles(anonymous.get("/search?q=" + open).document())).containsExactly("Title of " + slug);
		assertThat(titles(anonymous.get("/search?q=" + secret).document())).isEmpty();
		assertThat(titles(subscriber.get("/search?q=" + secret).document())).containsExactly("Title of " + slug);
	}

	private static List<String> titles(Document page) {
		return page.select(".search-results h2 a").eachText();
	}

	/**
	 * A made-up word no other article has, letters only so the stemmer keeps it whole.
	 */
	private static String word() {
		StringBuilder word = new StringBuilder("zq");
		ThreadLocalRandom random = ThreadLocalRandom.current();
		for (int i = 0; i < 10; i++) {
			word.append((char) ('a' + random.nextInt(26)));
		}
		return word.toString();
	}

	private long write(String slug, String visibility, String now) {
		return Newsroom.write(editor, fields(slug, visibility, now));
	}

	private Map<String, String> fields(String slug, String visibility, String now) {
		Map<String, String> fields = Newsroom.fields(slug, Newsroom.ownAuthor(editor));
		fields.put("visibility", visibility);
		fields.put("body", OPENING);
		fields.put("background", BACKGROUND);
		fields.put("now", now);
		return fields;
	}

	private void publish(long id) {
		published = id;
		assertThat(editor.submit("/admin/articles/" + id, "/admin/articles/" + id + "/publish", Map.of()).status())
			.isEqualTo(302);
	}

}
