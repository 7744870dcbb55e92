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
 * A gated article without a paywall marker whose preview had to be capped: the editor,
 * its live preview and the publish page warn the writer, server-rendered, and publishing
 * still works. A marker, or a public article, means no warning.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PaywallWarningIntegrationTests {

	private static final String LIST = "- The first point of the list.\n- The second point.\n- The third point.\n";

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory directory;

	@Autowired
	JdbcClient jdbc;

	Visitor editor;

	@BeforeEach
	void signIn() {
		editor = new Newsroom(port, directory).staff(MemberRole.EDITOR);
	}

	@Test
	void theEditorWarnsAboutAPaidListWithoutAMarkerAndPublishingStillWorks() {
		long id = write("paid", LIST);

		Visitor.Page page = editor.get("/admin/articles/" + id);

		assertThat(page.document().select(".paywall-warning").text()).contains("has no paywall marker",
				"Put the paywall marker");
		Visitor.Page published = editor.submit("/admin/articles/" + id, "/admin/articles/" + id + "/publish", Map.of());
		assertThat(published.status()).isEqualTo(302);
		assertThat(
				jdbc.sql("select status from publishing.article where id = ?").param(id).query(String.class).single())
			.isEqualTo("published");
	}

	@Test
	void thePublishPageWarnsTooAndStillPublishes() {
		long id = write("members", "One long paragraph and nothing else, so the preview has to be cut.");

		Visitor.Page page = editor.get("/admin/publish/" + id);

		assertThat(page.document().select(".paywall-warning").text()).contains("has no paywall marker");
		assertThat(page.document().select(".paywall-warning a").attr("href")).isEqualTo("/admin/articles/" + id);
		Visitor.Page published = editor.submit("/admin/publish/" + id, "/admin/publish/" + id,
				Map.of("mode", "SITE", "audience", "ALL", "when", "now"));
		assertThat(published.status()).isEqualTo(302);
	}

	@Test
	void aMarkerOrAPublicArticleGetsNoWarning() {
		long marked = write("paid", "Free words.\n\n<!-- paywall -->\n\n" + LIST);
		long open = write("public", LIST);

		assertThat(editor.get("/admin/articles/" + marked).document().select(".paywall-warning")).isEmpty();
		assertThat(editor.get("/admin/publish/" + marked).document().select(".paywall-warning")).isEmpty();
		assertThat(editor.get("/admin/articles/" + open).document().select(".paywall-warning")).isEmpty();
	}

	@Test
	void theLivePreviewCarriesTheWarningForAGatedArticleOnly() {
		String csrf = Newsroom.csrf(editor, "/admin/articles/new");

		Visitor.Page gated = editor.post("/admin/articles/preview",
				Map.of("_csrf", csrf, "body", LIST, "visibility", "tiers"));
		Visitor.Page open = editor.post("/admin/articles/preview",
				Map.of("_csrf", csrf, "body", LIST, "visibility", "public"));

		assertThat(gated.status()).isEqualTo(200);
		assertThat(gated.body()).contains("\"warning\":", "has no paywall marker", "paywall-marker");
		assertThat(open.status()).isEqualTo(200);
		assertThat(open.body()).contains("The third point.").doesNotContain("warning", "paywall-marker");
	}

	private long write(String visibility, String body) {
		Map<String, String> fields = Newsroom.fields(Newsroom.slug("warning"), Newsroom.ownAuthor(editor));
		fields.put("visibility", visibility);
		fields.put("body", body);
		return Newsroom.write(editor, fields);
	}

}
