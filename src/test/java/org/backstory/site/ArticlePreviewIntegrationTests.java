package org.backstory.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.backstory.Visitor;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.backstory.publishing.ArticleEditor;
import org.backstory.publishing.ArticleFixtures;
import org.backstory.publishing.SystemPublisher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Staff preview a draft as each kind of reader through the article page template and the
 * access policy; the article page's meta tags use the SEO fields and never the gated
 * text. Contributors and authors read their own paid article in full in the editor, and
 * on the site like any member.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ArticlePreviewIntegrationTests {

	private static final String GATED = "Only subscribers read this sentence.";

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory directory;

	@Autowired
	ArticleEditor articles;

	@Autowired
	SystemPublisher systemPublisher;

	Visitor editor;

	@BeforeEach
	void signIn() {
		String email = MemberFixtures.account(directory, "editor", MemberRole.EDITOR);
		editor = new Visitor(port);
		editor.signIn(email, MemberFixtures.PASSWORD);
	}

	@Test
	void aDraftPreviewedAsAnonymousOrFreeShowsTheBoxAndAsPaidShowsEverything() {
		long id = write(ArticleFixtures.unique("preview"), Map.of());

		Visitor.Page anonymous = editor.get("/admin/articles/" + id + "/preview?as=anonymous");
		assertThat(anonymous.status()).isEqualTo(200);
		assertThat(anonymous.document().select(".paywall-box")).hasSize(1);
		assertThat(anonymous.document().select(".paywall-box").text()).contains("Log in");
		assertThat(anonymous.body()).doesNotContain(GATED).contains("Everyone reads this.");
		assertThat(anonymous.document().select(".preview-banner").text()).contains("an anonymous reader")
			.contains("draft");
		assertThat(anonymous.header("Cache-Control")).contains("no-store");

		Visitor.Page free = editor.get("/admin/articles/" + id + "/preview?as=free");
		assertThat(free.document().select(".paywall-box")).hasSize(1);
		assertThat(free.body()).doesNotContain(GATED);

		Visitor.Page paid = editor.get("/admin/articles/" + id + "/preview?as=paid");
		assertThat(paid.document().select(".paywall-box")).isEmpty();
		assertThat(paid.document().select(".article-body").text()).contains(GATED);

		assertThat(editor.get("/admin/articles/" + id + "/preview?as=owner").status()).isEqualTo(400);
	}

	@Test
	void aTiersArticlePreviewedAsPaidShowsEverything() {
		long id = write(ArticleFixtures.unique("tiers"), Map.of("visibility", "tiers", "tiers", "gold"));

		assertThat(editor.get("/admin/articles/" + id + "/preview?as=paid").document().select(".article-body").text())
			.contains(GATED);
		assertThat(editor.get("/admin/articles/" + id + "/preview?as=free").body()).doesNotContain(GATED);
	}

	@Test
	void theArticlePageMetaTagsUseTheSeoFieldsAndNoGatedText() {
		String slug = ArticleFixtures.unique("seo");
		long id = write(slug,
				Map.of("seoTitle", "A search title", "seoDescription", "A search description", "socialImageUrl",
						"https://images.example/social.jpg", "coverImageUrl", "https://images.example/cover.jpg"));
		assertThat(editor.submit("/admin/articles/" + id, "/admin/articles/" + id + "/publish", Map.of()).status())
			.isEqualTo(302);

		Visitor.Page page = new Visitor(port).get("/p/" + slug);

		assertThat(page.document().title()).startsWith("A search title");
		assertThat(page.document().selectFirst("meta[property=og:title]").attr("content")).isEqualTo("A search title");
		assertThat(page.document().selectFirst("meta[name=description]").attr("content"))
			.isEqualTo("A search description");
		assertThat(page.document().selectFirst("meta[property=og:image]").attr("content"))
			.isEqualTo("https://images.example/social.jpg");
		assertThat(page.document().select("h1").text()).isEqualTo("Title of " + slug);
		assertThat(page.document().head().html()).doesNotContain(GATED);
	}

	@ParameterizedTest
	@EnumSource(value = MemberRole.class, names = { "CONTRIBUTOR", "AUTHOR" })
	void aWriterReadsTheirOwnPaidArticleInFullInTheEditorButLikeAMemberOnTheSite(MemberRole role) {
		Visitor writer = new Visitor(port);
		writer.signIn(MemberFixtures.account(directory, role.name().toLowerCase(), role), MemberFixtures.PASSWORD);
		String slug = ArticleFixtures.unique("own");
		long id = write(writer, slug, Map.of());
		assertThat(writer.get("/admin/articles/" + id).document().select("textarea[name=body]").text()).contains(GATED);
		systemPublisher.publishNow(id);

		assertThat(writer.get("/admin/articles/" + id + "/preview?as=paid").document().select(".article-body").text())
			.contains(GATED);
		Visitor.Page onTheSite = writer.get("/p/" + slug);
		assertThat(onTheSite.status()).isEqualTo(200);
		assertThat(onTheSite.body()).contains("Everyone reads this.").doesNotContain(GATED);
		assertThat(onTheSite.document().select(".paywall-box")).hasSize(1);
		assertThat(editor.get("/p/" + slug).document().select(".article-body").text()).contains(GATED);
	}

	private long write(String slug, Map<String, String> extra) {
		return write(editor, slug, extra);
	}

	private long write(Visitor editor, String slug, Map<String, String> extra) {
		String author = editor.get("/admin/articles/new").document().selectFirst("input[name=authors]").attr("value");
		Map<String, String> fields = new HashMap<>(Map.of("slug", slug, "title", "Title of " + slug, "dek", "A dek.",
				"body", "Everyone reads this.\n\n<!-- paywall -->\n\n" + GATED, "authors", author, "visibility",
				"paid"));
		fields.putAll(extra);
		Visitor.Page saved = editor.submit("/admin/articles/new", "/admin/articles", fields);
		assertThat(saved.status()).as(saved.body()).isEqualTo(302);
		String location = saved.header("Location");
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

}
