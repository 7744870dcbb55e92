package org.backstory.publishing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.backstory.Visitor;
import org.backstory.admin.AdminProbe;
import org.backstory.admin.AdminProbe.AuditEntry;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.backstory.publishing.ArticleDraft;
import org.backstory.publishing.ArticleEditor;
import org.backstory.publishing.ArticleFixtures;
import org.backstory.publishing.Storyline;
import org.backstory.publishing.StorylineEvent;
import org.backstory.publishing.StorylineEvents;
import org.backstory.publishing.SystemPublisher;
import org.backstory.publishing.TaxonomyCreator;
import org.backstory.publishing.Visibility;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Editors add, change and delete a storyline's events on its admin page; bad input writes
 * nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StorylineEventAdminIntegrationTests {

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

	@Autowired
	StorylineEvents events;

	@Autowired
	Clock clock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anEditorAddsAnEventWithAQuoteSourcesAndItsArticle() {
		Storyline storyline = fixtures().storyline();
		ArticleDraft article = fixtures().published(Visibility.paid());
		Visitor editorVisitor = staff(MemberRole.EDITOR);
		String page = "/admin/storylines/" + storyline.id();

		Visitor.Page added = editorVisitor.submit(page, page + "/events",
				Map.of("date", "2019-03", "summary", "  The talks   collapse ", "quote", "We walked away.", "speaker",
						"The envoy", "sources", "https://example.org/report The report\nhttp://example.com/b",
						"article", article.slug(), "key", "on"));

		assertThat(added.status()).isEqualTo(303);
		Document admin = editorVisitor.follow(page).document();
		assertThat(admin.select("p.notice").text()).isEqualTo("Event \"The talks collapse\" added.");
		assertThat(admin.select(".storyline-events tbody tr td").eachText()).startsWith("March 2019",
				"The talks collapse We walked away. – The envoy The report example.com", "Key");
		StorylineEvent stored = events.events(storyline.id()).get(0);
		assertThat(stored.date().written()).isEqualTo("2019-03");
		assertThat(stored.articleId()).isEqualTo(article.id());
		assertThat(stored.key()).isTrue();
		assertThat(stored.sources()).hasSize(2);
	}

	@Test
	void theEventsPageOpensBySlugAsEditorsTypeIt() {
		Storyline storyline = fixtures().storyline();
		Visitor editorVisitor = staff(MemberRole.EDITOR);

		Visitor.Page bySlug = editorVisitor.get("/admin/storylines/" + storyline.slug());

		assertThat(bySlug.status()).isEqualTo(303);
		assertThat(bySlug.header("Location")).endsWith("/admin/storylines/" + storyline.id());
		assertThat(editorVisitor.get("/admin/storylines/no-such-storyline").status()).isEqualTo(404);
		assertThat(editorVisitor.get("/admin/storylines/99999999999999999999").status()).isEqualTo(404);
	}

	@Test
	void badEventsComeBackWith422TheTypedValuesAndNothingWritten() {
		Storyline storyline = fixtures().storyline();
		Visitor editorVisitor = staff(MemberRole.EDITOR);
		String page = "/admin/storylines/" + storyline.id();

		Visitor.Page refused = editorVisitor.submit(page, page + "/events", Map.of("date", "2019-13-01", "summary", " ",
				"speaker", "Nobody", "sources", "javascript:alert(1)", "article", "no-such-article-anywhere"));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.document().select(".error p").eachText()).containsExactly(
				"The date must be a day (2019-03-12), a month (2019-03) or a year (2019).",
				"The summary must not be empty.", "A speaker needs a quote.",
				"The source 'javascript:alert(1)' must be an http or https address.",
				"There is no article with the slug 'no-such-article-anywhere'.");
		assertThat(refused.document().select("input[name=speaker]").val()).isEqualTo("Nobody");
		assertThat(events.events(storyline.id())).isEmpty();
	}

	@Test
	void anEditorChangesAnEventAndDeletesIt() {
		Storyline storyline = fixtures().storyline();
		Visitor editorVisitor = staff(MemberRole.EDITOR);
		String page = "/admin/storylines/" + storyline.id();
		editorVisitor.submit(page, page + "/events", Map.of("date", "2017", "summary", "First word"));
		long id = events.events(storyline.id()).get(0).id();
		String eventPage = page + "/events/" + id;

		Document form = editorVisitor.get(eventPage).document();
		assertThat(form.select("input[name=date]").val()).isEqualTo("2017");
		assertThat(form.select("input[name=key]").hasAttr("checked")).isFalse();
		Map<String, String> changed = new HashMap<>(
				Map.of("date", "2017-09-22", "summary", "First word, dated", "key", "on"));
		Visitor.Page bad = editorVisitor.submit(eventPage, eventPage, Map.of("date", "someday", "summary", "x"));
		assertThat(bad.status()).isEqualTo(422);
		assertThat(events.events(storyline.id()).get(0).summary()).isEqualTo("First word");
		assertThat(editorVisitor.submit(eventPage, eventPage, changed).status()).isEqualTo(303);
		StorylineEvent saved = events.events(storyline.id()).get(0);
		assertThat(saved.date().text()).isEqualTo("22 September 2017");
		assertThat(saved.key()).isTrue();

		assertThat(editorVisitor.submit(page, eventPage + "/delete", Map.of()).status()).isEqualTo(303);
		assertThat(events.events(storyline.id())).isEmpty();
		assertThat(editorVisitor.get(eventPage).status()).isEqualTo(404);
	}

	@Test
	void anEventOfAnotherStorylineIsNotFoundThroughThisOne() {
		Storyline one = fixtures().storyline();
		Storyline other = fixtures().storyline();
		Visitor editorVisitor = staff(MemberRole.EDITOR);
		editorVisitor.submit("/admin/storylines/" + one.id(), "/admin/storylines/" + one.id() + "/events",
				Map.of("date", "2020", "summary", "Belongs to one"));
		long id = events.events(one.id()).get(0).id();

		String foreign = "/admin/storylines/" + other.id() + "/events/" + id;
		assertThat(editorVisitor.get(foreign).status()).isEqualTo(404);
		String token = editorVisitor.get("/admin/storylines/" + other.id())
			.document()
			.select("input[name=_csrf]")
			.first()
			.val();
		assertThat(editorVisitor.post(foreign + "/delete", Map.of("_csrf", token)).status()).isEqualTo(404);
		assertThat(
				editorVisitor.post(foreign, Map.of("_csrf", token, "date", "2020", "summary", "Taken over")).status())
			.isEqualTo(404);
		assertThat(events.events(one.id())).hasSize(1);
	}

	@Test
	void mergingAStorylineMovesItsEventsAndEveryEventChangeIsAudited() {
		Storyline from = fixtures().storyline();
		Storyline into = fixtures().storyline();
		Visitor editorVisitor = staff(MemberRole.EDITOR);
		String page = "/admin/storylines/" + from.id();
		editorVisitor.submit(page, page + "/events", Map.of("date", "2018", "summary", "Moves along"));
		long id = events.events(from.id()).get(0).id();
		editorVisitor.submit(page + "/events/" + id, page + "/events/" + id,
				Map.of("date", "2018", "summary", "Moved"));

		editorVisitor.submit(page, page + "/merge", Map.of("into", String.valueOf(into.id())));

		assertThat(events.events(into.id())).extracting(StorylineEvent::summary).containsExactly("Moved");
		assertThat(AdminProbe.entriesAbout(jdbc, "storyline " + from.id()).stream().map(AuditEntry::action))
			.containsExactly("storyline.event-added", "storyline.event-edited");
	}

	@Test
	void aPublishedArticleInAStorylineOffersToBeAddedAsAnEvent() {
		Storyline storyline = fixtures().storyline();
		ArticleDraft draft = fixtures().draft(Visibility.everyone());
		long id = fixtures()
			.publish(new ArticleDraft(null, draft.slug(), draft.title(), draft.dek(), draft.bodyMarkdown(),
					draft.authorSlugs(), List.of(), storyline.slug(), null, null, draft.visibility()));
		Visitor editorVisitor = staff(MemberRole.EDITOR);

		String offer = editorVisitor.get("/admin/articles/" + id).document().select(".add-as-event a").attr("href");
		assertThat(offer).isEqualTo("/admin/storylines/" + storyline.id() + "?cover=" + id + "#events");
		Document form = editorVisitor.get(offer).document();
		assertThat(form.select(".event-form input[name=date]").val()).isEqualTo(LocalDate.now(clock).toString());
		assertThat(form.select(".event-form input[name=summary]").val()).isEqualTo(draft.dek());
		assertThat(form.select(".event-form input[name=article]").val()).isEqualTo(draft.slug());
		assertThat(editorVisitor
			.submit(offer, "/admin/storylines/" + storyline.id() + "/events",
					Map.of("date", LocalDate.now(clock).toString(), "summary", draft.dek(), "article", draft.slug()))
			.status()).isEqualTo(303);
		assertThat(editorVisitor.get("/admin/articles/" + id).document().select(".add-as-event"))
			.as("an event covers it now")
			.isEmpty();

		assertThat(staff(MemberRole.AUTHOR).get("/admin/articles/" + id).document().select(".add-as-event")).isEmpty();
		long unpublishedInStoryline = editor.save(new ArticleDraft(null, ArticleFixtures.unique("draft"), "A draft", "",
				"Body.", draft.authorSlugs(), List.of(), storyline.slug(), null, null, draft.visibility()));
		assertThat(editorVisitor.get("/admin/articles/" + unpublishedInStoryline).document().select(".add-as-event"))
			.isEmpty();
	}

	private ArticleFixtures fixtures() {
		return new ArticleFixtures(editor, systemPublisher, taxonomyCreator);
	}

	private Visitor staff(MemberRole role) {
		Visitor visitor = new Visitor(port);
		visitor.signIn(MemberFixtures.account(members, role.name().toLowerCase(), role), MemberFixtures.PASSWORD);
		return visitor;
	}

}
