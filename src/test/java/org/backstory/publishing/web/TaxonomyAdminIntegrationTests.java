package org.backstory.publishing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.backstory.Visitor;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.backstory.publishing.ArticleDraft;
import org.backstory.publishing.ArticleEditor;
import org.backstory.publishing.ArticleFixtures;
import org.backstory.publishing.Storyline;
import org.backstory.publishing.SystemPublisher;
import org.backstory.publishing.Tag;
import org.backstory.publishing.TaxonomyCreator;
import org.backstory.publishing.Visibility;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Editors manage tags and storylines; readers see the result on the tag and storyline
 * pages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TaxonomyAdminIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory members;

	@Autowired
	ArticleEditor editor;

	@Autowired
	TaxonomyCreator taxonomyCreator;

	@Autowired
	SystemPublisher systemPublisher;

	@Test
	void theAdminPageLinksToTagsAndStorylinesForEditorsOnly() {
		Document forEditor = staff(MemberRole.EDITOR).get("/admin").document();
		assertThat(forEditor.select("ul.admin-links a[href=/admin/tags]").text()).isEqualTo("Tags");
		assertThat(forEditor.select("ul.admin-links a[href=/admin/storylines]").text()).isEqualTo("Storylines");
		assertThat(staff(MemberRole.AUTHOR).get("/admin").document().select("a[href=/admin/tags]")).isEmpty();
	}

	@Test
	void anEditorCreatesATagWithASlugMadeFromItsName() {
		Visitor editorVisitor = staff(MemberRole.EDITOR);
		String unique = ArticleFixtures.unique("x");

		Visitor.Page created = editorVisitor.submit("/admin/tags", "/admin/tags",
				Map.of("name", "Énergie Policy " + unique, "slug", ""));

		assertThat(created.status()).isEqualTo(303);
		Document list = editorVisitor.follow("/admin/tags").document();
		assertThat(list.select("p.notice").text()).isEqualTo("Tag Énergie Policy " + unique + " created.");
		assertThat(list.select("table.taxonomy tr:has(code:containsOwn(energie-policy-" + unique + ")) td").eachText())
			.containsExactly("Énergie Policy " + unique, "energie-policy-" + unique, "0", "Edit");
		assertThat(new Visitor(port).get("/tag/energie-policy-" + unique).status()).isEqualTo(200);
	}

	@Test
	void badTagsComeBackWith422AndTheTypedValues() {
		Visitor editorVisitor = staff(MemberRole.EDITOR);
		Tag existing = fixtures().tag();

		Visitor.Page empty = editorVisitor.submit("/admin/tags", "/admin/tags",
				Map.of("name", " ", "slug", "some-slug"));
		assertThat(empty.status()).isEqualTo(422);
		assertThat(empty.document().select(".error p").eachText()).containsExactly("The tag's name must not be empty.");
		assertThat(empty.document().select("input[name=slug]").val()).isEqualTo("some-slug");

		Visitor.Page taken = editorVisitor.submit("/admin/tags", "/admin/tags",
				Map.of("name", "Another", "slug", existing.slug()));
		assertThat(taken.status()).isEqualTo(422);
		assertThat(taken.document().select(".error p").eachText())
			.containsExactly("The slug '" + existing.slug() + "' is already used by another tag.");
		assertThat(taken.document().select("input[name=name]").val()).isEqualTo("Another");
	}

	@Test
	void aRenamedTagKeepsItsArticlesAndItsOldAddressRedirects() {
		Tag tag = fixtures().tag();
		String title = published(List.of(tag.slug()), null);
		String newSlug = ArticleFixtures.unique("renamed");

		Visitor.Page saved = staff(MemberRole.EDITOR).submit("/admin/tags/" + tag.id(), "/admin/tags/" + tag.id(),
				Map.of("name", "Renamed", "slug", newSlug));

		assertThat(saved.status()).isEqualTo(303);
		Visitor reader = new Visitor(port);
		Visitor.Page old = reader.get("/tag/" + tag.slug());
		assertThat(old.status()).isEqualTo(301);
		assertThat(old.header("Location")).endsWith("/tag/" + newSlug);
		Document page = reader.get("/tag/" + newSlug).document();
		assertThat(page.select("h1").text()).contains("Renamed");
		assertThat(page.select(".article-list h2 a").eachText()).containsExactly(title);
	}

	@Test
	void aTagsDescriptionIsShownOnItsPageAndIsItsMetaAndShareDescription() {
		Tag tag = fixtures().tag();
		Visitor editorVisitor = staff(MemberRole.EDITOR);
		String description = "Boats, <b>tides</b> & the people who work the harbour.";

		Visitor.Page saved = editorVisitor.submit("/admin/tags/" + tag.id(), "/admin/tags/" + tag.id(),
				Map.of("name", tag.name(), "slug", tag.slug(), "description", "  " + description + "\n"));

		assertThat(saved.status()).isEqualTo(303);
		assertThat(
				editorVisitor.follow("/admin/tags/" + tag.id()).document().select("textarea[name=description]").val())
			.isEqualTo(description);
		Visitor.Page page = new Visitor(port).get("/tag/" + tag.slug());
		assertThat(page.document().select(".listing-header .bio").text()).isEqualTo(description);
		assertThat(page.document().select("meta[name=description]").attr("content")).isEqualTo(description);
		assertThat(page.document().select("meta[property=og:description]").attr("content")).isEqualTo(description);
		assertThat(page.document().select("meta[name=twitter:description]").attr("content")).isEqualTo(description);
		assertThat(page.body()).doesNotContain("<b>tides</b>");
	}

	@Test
	void aTagWithoutADescriptionKeepsTheGeneratedMetaDescription() {
		Tag tag = fixtures().tag();

		Document page = new Visitor(port).get("/tag/" + tag.slug()).document();

		assertThat(page.select(".listing-header .bio")).isEmpty();
		assertThat(page.select("meta[name=description]").attr("content")).startsWith("Articles about " + tag.name());
		assertThat(page.select("meta[property=og:description]").attr("content"))
			.startsWith("Articles about " + tag.name());
	}

	@Test
	void aTooLongTagDescriptionComesBackWith422AndWritesNothing() {
		Tag tag = fixtures().tag();
		Visitor editorVisitor = staff(MemberRole.EDITOR);
		String tooLong = "x".repeat(Tag.MAX_DESCRIPTION + 1);

		Visitor.Page refused = editorVisitor.submit("/admin/tags/" + tag.id(), "/admin/tags/" + tag.id(),
				Map.of("name", "Renamed " + tag.name(), "slug", tag.slug(), "description", tooLong));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.document().select(".error p").eachText())
			.containsExactly("The tag's description must be at most 500 characters.");
		assertThat(refused.document().select("textarea[name=description]").val()).isEqualTo(tooLong);
		assertThat(refused.document().select("input[name=name]").val()).isEqualTo("Renamed " + tag.name());
		assertThat(new Visitor(port).get("/tag/" + tag.slug()).document().select("h1").text()).isEqualTo(tag.name());
	}

	@Test
	void mergingATagGivesItsArticlesTheOtherTagOnceAndRedirectsItsPage() {
		Tag from = fixtures().tag();
		Tag into = fixtures().tag();
		String onlyFrom = published(List.of(from.slug()), null);
		String both = published(List.of(from.slug(), into.slug()), null);
		String onlyInto = published(List.of(into.slug()), null);
		Visitor editorVisitor = staff(MemberRole.EDITOR);

		Visitor.Page merged = editorVisitor.submit("/admin/tags/" + from.id(), "/admin/tags/" + from.id() + "/merge",
				Map.of("into", String.valueOf(into.id())));

		assertThat(merged.status()).isEqualTo(303);
		assertThat(merged.header("Location")).endsWith("/admin/tags/" + into.id());
		Visitor reader = new Visitor(port);
		assertThat(reader.get("/tag/" + into.slug()).document().select(".article-list h2 a").eachText())
			.containsExactlyInAnyOrder(onlyFrom, both, onlyInto);
		assertThat(reader.get("/tag/" + from.slug()).header("Location")).endsWith("/tag/" + into.slug());
		Document intoPage = editorVisitor.follow("/admin/tags/" + into.id()).document();
		assertThat(intoPage.select("p.notice").text())
			.isEqualTo("Tag " + from.name() + " merged into " + into.name() + ".");
		assertThat(intoPage.text()).contains("on 3 articles");
		assertThat(editorVisitor.get("/admin/tags/" + from.id()).status()).isEqualTo(404);
	}

	@Test
	void aTagCannotBeMergedIntoItselfNorAUsedTagDeleted() {
		Tag tag = fixtures().tag();
		published(List.of(tag.slug()), null);
		Visitor editorVisitor = staff(MemberRole.EDITOR);

		Visitor.Page self = editorVisitor.submit("/admin/tags/" + tag.id(), "/admin/tags/" + tag.id() + "/merge",
				Map.of("into", String.valueOf(tag.id())));
		assertThat(self.status()).isEqualTo(422);
		assertThat(self.document().select(".error p").eachText())
			.containsExactly("A tag cannot be merged into itself.");

		Visitor.Page used = editorVisitor.post("/admin/tags/" + tag.id() + "/delete", Map.of("_csrf",
				editorVisitor.get("/admin/tags/" + tag.id()).document().select("input[name=_csrf]").first().val()));
		assertThat(used.status()).isEqualTo(422);
		assertThat(used.document().select(".error p").eachText())
			.containsExactly("The tag \"" + tag.name() + "\" is on 1 article; merge it into another tag instead.");
	}

	@Test
	void anUnusedTagIsDeleted() {
		Tag tag = fixtures().tag();
		Visitor editorVisitor = staff(MemberRole.EDITOR);

		Visitor.Page deleted = editorVisitor.submit("/admin/tags/" + tag.id(), "/admin/tags/" + tag.id() + "/delete",
				Map.of());

		assertThat(deleted.status()).isEqualTo(303);
		assertThat(editorVisitor.follow("/admin/tags").document().select("p.notice").text())
			.isEqualTo("Tag " + tag.name() + " deleted.");
		assertThat(new Visitor(port).get("/tag/" + tag.slug()).status()).isEqualTo(404);
	}

	@Test
	void anEditorReordersAStorylineAndReadersSeeTheNewOrder() {
		Storyline storyline = fixtures().storyline();
		Published first = publish(List.of(), storyline.slug());
		Published second = publish(List.of(), storyline.slug());
		Published third = publish(List.of(), storyline.slug());
		Visitor editorVisitor = staff(MemberRole.EDITOR);
		String page = "/admin/storylines/" + storyline.id();
		String order = page + "/order";

		Visitor.Page moved = editorVisitor.submit(page, order, Map.of("article", third.id(), "position", "1"));
		assertThat(moved.status()).isEqualTo(303);
		assertThat(timeline(storyline.slug())).containsExactly(third.title(), first.title(), second.title());

		// The "move down" button of the first row, as rendered.
		Document admin = editorVisitor.get(page).document();
		String downOfFirst = admin.select(".storyline-order tbody tr")
			.first()
			.select("form")
			.first()
			.select("input[name=position]")
			.val();
		assertThat(admin.select(".storyline-order tbody tr").first().select("input[name=article]").first().val())
			.isEqualTo(third.id());
		editorVisitor.submit(page, order, Map.of("article", third.id(), "position", downOfFirst));
		assertThat(timeline(storyline.slug())).containsExactly(first.title(), third.title(), second.title());

		Visitor.Page bad = editorVisitor.submit(page, order, Map.of("article", first.id(), "position", "0"));
		assertThat(bad.status()).isEqualTo(422);
		assertThat(bad.document().select(".error p").eachText())
			.containsExactly("Positions in a storyline start at 1.");
	}

	@Test
	void anEditedStorylineKeepsItsOldAddressAndShowsTheNewDescription() {
		Storyline storyline = fixtures().storyline();
		String newSlug = ArticleFixtures.unique("saga");

		Visitor.Page saved = staff(MemberRole.EDITOR).submit("/admin/storylines/" + storyline.id(),
				"/admin/storylines/" + storyline.id(),
				Map.of("title", "The long saga", "slug", newSlug, "description", "How it all went."));

		assertThat(saved.status()).isEqualTo(303);
		Visitor reader = new Visitor(port);
		assertThat(reader.get("/story/" + storyline.slug()).header("Location")).endsWith("/story/" + newSlug);
		Document page = reader.get("/story/" + newSlug).document();
		assertThat(page.select("h1").text()).isEqualTo("The long saga");
		assertThat(page.select(".listing-header .dek").text()).isEqualTo("How it all went.");
	}

	@Test
	void mergingAStorylineAppendsItsArticlesInTheirOrder() {
		Storyline from = fixtures().storyline();
		Storyline into = fixtures().storyline();
		String intoFirst = published(List.of(), into.slug());
		String fromFirst = published(List.of(), from.slug());
		String fromSecond = published(List.of(), from.slug());
		Visitor editorVisitor = staff(MemberRole.EDITOR);

		Visitor.Page merged = editorVisitor.submit("/admin/storylines/" + from.id(),
				"/admin/storylines/" + from.id() + "/merge", Map.of("into", String.valueOf(into.id())));

		assertThat(merged.status()).isEqualTo(303);
		assertThat(timeline(into.slug())).containsExactly(intoFirst, fromFirst, fromSecond);
		assertThat(new Visitor(port).get("/story/" + from.slug()).header("Location")).endsWith("/story/" + into.slug());

		Visitor.Page self = editorVisitor.submit("/admin/storylines/" + into.id(),
				"/admin/storylines/" + into.id() + "/merge", Map.of("into", String.valueOf(into.id())));
		assertThat(self.status()).isEqualTo(422);
		assertThat(self.document().select(".error p").eachText())
			.containsExactly("A storyline cannot be merged into itself.");
	}

	@Test
	void aNewStorylineNeedsATitle() {
		Visitor.Page refused = staff(MemberRole.EDITOR).submit("/admin/storylines", "/admin/storylines",
				Map.of("title", "", "slug", "", "description", "Kept as typed."));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.document().select(".error p").eachText())
			.contains("The storyline's title must not be empty.");
		assertThat(refused.document().select("textarea[name=description]").text()).isEqualTo("Kept as typed.");
	}

	@Test
	void authorsAreRefusedAndAnonymousVisitorsSentToLogIn() {
		Tag tag = fixtures().tag();
		Storyline storyline = fixtures().storyline();
		Visitor author = staff(MemberRole.AUTHOR);
		String token = author.get("/admin").document().select("input[name=_csrf]").first().val();
		for (String path : List.of("/admin/tags", "/admin/tags/" + tag.id(), "/admin/storylines",
				"/admin/storylines/" + storyline.id())) {
			assertThat(author.get(path).status()).as(path).isEqualTo(403);
			assertThat(new Visitor(port).get(path).status()).as(path).isEqualTo(302);
			assertThat(staff(MemberRole.EDITOR).get(path).status()).as(path).isEqualTo(200);
		}
		for (String path : List.of("/admin/tags", "/admin/tags/" + tag.id(), "/admin/tags/" + tag.id() + "/merge",
				"/admin/tags/" + tag.id() + "/delete", "/admin/storylines", "/admin/storylines/" + storyline.id(),
				"/admin/storylines/" + storyline.id() + "/order", "/admin/storylines/" + storyline.id() + "/merge")) {
			assertThat(author.post(path, Map.of("_csrf", token, "name", "x")).status()).as(path).isEqualTo(403);
		}
		assertThat(new Visitor(port).get("/admin/tags").header("Location")).contains("/login");
	}

	@Test
	void unknownTagsAndStorylinesAre404() {
		Visitor editorVisitor = staff(MemberRole.EDITOR);
		assertThat(editorVisitor.get("/admin/tags/999999999").status()).isEqualTo(404);
		assertThat(editorVisitor.get("/admin/storylines/999999999").status()).isEqualTo(404);
	}

	private ArticleFixtures fixtures() {
		return new ArticleFixtures(editor, systemPublisher, taxonomyCreator);
	}

	/**
	 * A published article: its id as the admin forms carry it, and its title as readers
	 * see it.
	 */
	private record Published(String id, String title) {
	}

	/**
	 * Publishes a public article with these tags, in this storyline (appended); returns
	 * its title.
	 */
	private String published(List<String> tagSlugs, String storylineSlug) {
		return publish(tagSlugs, storylineSlug).title();
	}

	private Published publish(List<String> tagSlugs, String storylineSlug) {
		ArticleDraft draft = fixtures().draft(Visibility.everyone());
		ArticleDraft tagged = new ArticleDraft(null, draft.slug(), draft.title(), draft.dek(), draft.bodyMarkdown(),
				draft.authorSlugs(), tagSlugs, storylineSlug, null, null, draft.visibility());
		return new Published(String.valueOf(fixtures().publish(tagged)), draft.title());
	}

	private List<String> timeline(String storylineSlug) {
		return new Visitor(port).get("/story/" + storylineSlug).document().select(".timeline h2 a").eachText();
	}

	private Visitor staff(MemberRole role) {
		Visitor visitor = new Visitor(port);
		visitor.signIn(MemberFixtures.account(members, role.name().toLowerCase(), role), MemberFixtures.PASSWORD);
		return visitor;
	}

}
