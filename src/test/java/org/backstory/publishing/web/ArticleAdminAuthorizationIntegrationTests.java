package org.backstory.publishing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.backstory.Visitor;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may do what in the newsroom, over the wire: contributors write their own drafts,
 * authors their own articles and publish only when an editor allowed it, editors
 * everything; members get 403 and anonymous visitors are sent to log in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ArticleAdminAuthorizationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory directory;

	Newsroom newsroom;

	@BeforeEach
	void newsroom() {
		newsroom = new Newsroom(port, directory);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/admin/articles", "/admin/articles/new", "/admin/articles/1", "/admin/articles/1/preview",
			"/admin/articles/1/revisions", "/admin/articles/1/revisions/1" })
	void anonymousVisitorsAreSentToLogIn(String path) {
		Visitor.Page page = newsroom.anonymous().get(path);

		assertThat(page.status()).isEqualTo(302);
		assertThat(page.header("Location")).contains("/login");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/admin/articles", "/admin/articles/new", "/admin/articles/1/preview" })
	void membersAreForbidden(String path) {
		assertThat(newsroom.staff(MemberRole.MEMBER).get(path).status()).isEqualTo(403);
	}

	@Test
	void aContributorWritesADraftButCannotPublishScheduleOrEditItOncePublished() {
		Visitor contributor = newsroom.staff(MemberRole.CONTRIBUTOR);
		long id = Newsroom.write(contributor, Newsroom.slug("contrib"));
		assertThat(contributor.get("/admin/articles").body()).contains("/admin/articles/" + id);
		assertThat(contributor.get("/admin/articles/" + id).status()).isEqualTo(200);
		String csrf = Newsroom.csrf(contributor, "/admin/articles/" + id);

		assertThat(contributor.post("/admin/articles/" + id + "/publish", Map.of("_csrf", csrf)).status())
			.isEqualTo(403);
		assertThat(
				contributor.post("/admin/articles/" + id + "/schedule", Map.of("_csrf", csrf, "at", "2099-01-01T10:00"))
					.status())
			.isEqualTo(403);
		assertThat(contributor.post("/admin/articles/" + id + "/unpublish", Map.of("_csrf", csrf)).status())
			.isEqualTo(403);
		assertThat(contributor.get("/admin/publish/" + id).status()).isEqualTo(403);

		Visitor editor = newsroom.staff(MemberRole.EDITOR);
		assertThat(editor.submit("/admin/articles/" + id, "/admin/articles/" + id + "/publish", Map.of()).status())
			.isEqualTo(302);
		assertThat(contributor.get("/admin/articles/" + id).status()).isEqualTo(403);
		assertThat(contributor.post("/admin/articles/" + id, Map.of("_csrf", csrf, "title", "Changed")).status())
			.isEqualTo(403);
	}

	@Test
	void anAuthorPublishesOnlyOnceAnEditorHasAllowedIt() {
		Visitor author = newsroom.staff(MemberRole.AUTHOR);
		String slug = Newsroom.slug("author-pub");
		long id = Newsroom.write(author, slug);
		String csrf = Newsroom.csrf(author, "/admin/articles/" + id);
		assertThat(author.get("/admin/articles/" + id).document().select("form[action$=/publish]")).isEmpty();

		assertThat(author.post("/admin/articles/" + id + "/publish", Map.of("_csrf", csrf)).status()).isEqualTo(403);
		assertThat(author.get("/admin/publish/" + id).status()).isEqualTo(403);
		assertThat(author.get("/admin/publish").document().select("a[href=/admin/publish/" + id + "]")).isEmpty();

		Visitor editor = newsroom.staff(MemberRole.EDITOR);
		Map<String, String> fields = Newsroom.fields(slug, Newsroom.ownAuthor(author));
		assertThat(editor
			.submit("/admin/articles/" + id, "/admin/articles/" + id, Newsroom.with(fields, "authorMayPublish", "true"))
			.status()).isEqualTo(302);

		assertThat(author.post("/admin/articles/" + id + "/publish", Map.of("_csrf", csrf)).status()).isEqualTo(302);
		assertThat(newsroom.anonymous().get("/p/" + slug).status()).isEqualTo(200);
		assertThat(author.get("/admin/publish/" + id).status()).isEqualTo(200);
		assertThat(author.get("/admin/publish").document().select("a[href=/admin/publish/" + id + "]")).hasSize(1);
	}

	@Test
	void anAuthorCannotAllowThemselvesToPublish() {
		Visitor author = newsroom.staff(MemberRole.AUTHOR);
		String slug = Newsroom.slug("self-allow");
		long id = Newsroom.write(author, slug);
		Map<String, String> fields = Newsroom.with(
				Newsroom.with(Newsroom.fields(slug, Newsroom.ownAuthor(author)), "authorMayPublish", "true"),
				"authorMayPublishShown", "true");

		assertThat(author.submit("/admin/articles/" + id, "/admin/articles/" + id, fields).status()).isEqualTo(302);

		String csrf = Newsroom.csrf(author, "/admin/articles/" + id);
		assertThat(author.post("/admin/articles/" + id + "/publish", Map.of("_csrf", csrf)).status()).isEqualTo(403);
	}

	@Test
	void anotherAuthorsArticleIsForbiddenEverywhere() {
		Visitor owner = newsroom.staff(MemberRole.AUTHOR);
		long id = Newsroom.write(owner, Newsroom.slug("not-yours"));
		Visitor other = newsroom.staff(MemberRole.AUTHOR);
		String csrf = Newsroom.csrf(other, "/admin/articles/new");

		assertThat(other.get("/admin/articles/" + id).status()).isEqualTo(403);
		assertThat(other.get("/admin/articles/" + id + "/preview?as=paid").status()).isEqualTo(403);
		assertThat(other.get("/admin/articles/" + id + "/revisions").status()).isEqualTo(403);
		assertThat(other.post("/admin/articles/" + id, Map.of("_csrf", csrf, "title", "Mine now")).status())
			.isEqualTo(403);
		assertThat(other.post("/admin/articles/" + id + "/presence", Map.of("_csrf", csrf)).status()).isEqualTo(403);
		assertThat(other.get("/admin/articles").body()).doesNotContain("/admin/articles/" + id + "\"");
	}

	@Test
	void aContributorMayNotWriteUnderSomeoneElsesByline() {
		Visitor editor = newsroom.staff(MemberRole.EDITOR);
		String editorsByline = Newsroom.ownAuthor(editor);
		Visitor contributor = newsroom.staff(MemberRole.CONTRIBUTOR);

		Visitor.Page refused = contributor.submit("/admin/articles/new", "/admin/articles",
				Newsroom.fields(Newsroom.slug("byline"), editorsByline));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.document().select(".error").text()).contains("Keep yourself among the article's authors.");
	}

	@Test
	void anEditorEditsPublishesSchedulesAndUnpublishesAnyonesArticle() {
		Visitor contributor = newsroom.staff(MemberRole.CONTRIBUTOR);
		String slug = Newsroom.slug("editor-all");
		long id = Newsroom.write(contributor, slug);
		Visitor editor = newsroom.staff(MemberRole.EDITOR);
		String csrf = Newsroom.csrf(editor, "/admin/articles/" + id);

		assertThat(editor.get("/admin/articles/" + id + "/revisions").status()).isEqualTo(200);
		assertThat(editor.post("/admin/articles/" + id + "/schedule", Map.of("_csrf", csrf, "at", "2099-01-01T10:00"))
			.status()).isEqualTo(302);
		assertThat(editor.get("/admin/articles?status=scheduled&q=" + slug).body()).contains("/admin/articles/" + id);
		assertThat(editor.post("/admin/articles/" + id + "/publish", Map.of("_csrf", csrf)).status()).isEqualTo(302);
		assertThat(newsroom.anonymous().get("/p/" + slug).status()).isEqualTo(200);
		assertThat(editor.post("/admin/articles/" + id + "/unpublish", Map.of("_csrf", csrf)).status()).isEqualTo(302);
		assertThat(newsroom.anonymous().get("/p/" + slug).status()).isEqualTo(404);
	}

}
