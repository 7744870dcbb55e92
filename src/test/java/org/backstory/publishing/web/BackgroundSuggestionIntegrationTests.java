package org.backstory.publishing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.backstory.Visitor;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberRole;
import org.backstory.publishing.ArticleDraft;
import org.backstory.publishing.ArticleEditor;
import org.backstory.publishing.ArticleFixtures;
import org.backstory.publishing.Entities;
import org.backstory.publishing.Entity;
import org.backstory.publishing.EventDate;
import org.backstory.publishing.EventDraft;
import org.backstory.publishing.Storyline;
import org.backstory.publishing.StorylineEvents;
import org.backstory.publishing.SystemPublisher;
import org.backstory.publishing.Tag;
import org.backstory.publishing.TaxonomyCreator;
import org.backstory.publishing.Visibility;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The editor's "Suggest background" panel over HTTP: the storyline's earlier events (key
 * ones marked) and the most similar earlier articles (by shared tag, shared entity and
 * text alone, ranked), each with its recap line; drafts, later articles and the article
 * itself left out; the panel again for the form as typed; staff only; and the stale
 * background warning on the editor and the publish page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BackgroundSuggestionIntegrationTests {

	private static final String GATED_WORDS = "Only subscribers may read this gated sentence";

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
	Entities entities;

	@Autowired
	Clock clock;

	private final List<Long> published = new ArrayList<>();

	private Storyline storyline;

	private Tag tag;

	private Entity person;

	private String word;

	private long earlierPart;

	private String earlierPartSlug;

	@BeforeEach
	void archive() {
		ArticleFixtures fixtures = new ArticleFixtures(editor, systemPublisher, taxonomyCreator);
		storyline = fixtures.storyline();
		tag = fixtures.tag();
		person = entities.seed("person", ArticleFixtures.unique("person"), "Ottoline " + letters(), "", List.of());
		word = "quorv" + letters();
		earlierPartSlug = ArticleFixtures.unique("earlier-part");
		earlierPart = publish(earlierPartSlug, "The first part", "Nothing alike here.", List.of(), storyline.slug(),
				400);
		events.add(0, storyline.id(),
				new EventDraft(daysAgo(400), "The cutter rams a trawler.", "", "", "", earlierPartSlug, true));
		events.add(0, storyline.id(), new EventDraft(daysAgo(200).substring(0, 7), "Talks begin in Port Anselm.", "",
				"", "https://news.example/talks", "", false));
		events.add(0, storyline.id(),
				new EventDraft(LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(5).toString(), "Still to come.",
						"", "", "", "", false));
	}

	@AfterEach
	void unpublish() {
		published.forEach(systemPublisher::unpublish);
		published.clear();
	}

	@Test
	void thePanelListsEarlierEventsAndTheMostSimilarEarlierArticlesRankedWithRecapLines() {
		long both = publish(ArticleFixtures.unique("both"), "Harbour fees rise", person.name() + " speaks.",
				List.of(tag.slug()), null, 30);
		long byTag = publish(ArticleFixtures.unique("by-tag"), "Ferry timetables", "Boats run late.",
				List.of(tag.slug()), null, 20);
		long byPerson = publish(ArticleFixtures.unique("by-person"), "A speech in Sael",
				"Yesterday " + person.name() + " spoke.", List.of(), null, 10);
		String byTextSlug = ArticleFixtures.unique("by-text");
		long byText = publish(byTextSlug, "The " + word + " question", "Why the " + word + " matters: " + word + ".",
				List.of(), null, 5);
		long draft = editor.save(draft(ArticleFixtures.unique("draft"), "A " + word + " draft",
				word + " " + person.name(), List.of(tag.slug()), null));
		long scheduled = editor
			.save(draft(ArticleFixtures.unique("later"), "The " + word + " later", word, List.of(tag.slug()), null));
		systemPublisher.publish(scheduled, clock.instant().plus(Duration.ofDays(2)));
		published.add(scheduled);
		Visitor staff = new Newsroom(port, members).staff(MemberRole.EDITOR);
		long written = Newsroom
			.write(staff,
					Newsroom.with(
							Newsroom.with(
									Newsroom.with(Newsroom.with(
											Newsroom.fields(ArticleFixtures.unique("written"),
													Newsroom.ownAuthor(staff)),
											"title", "What the " + word + " means now"), "tags", tag.slug()),
									"storyline", storyline.slug()),
							"body",
							"## Before you read\n\nIt began with a ramming ([more](/p/" + earlierPartSlug + ")).\n\n"
									+ "## What's going on now\n\n" + person.name() + " and the " + word + " again."));

		Document page = staff.get("/admin/articles/" + written).document();

		Element panel = page.selectFirst(".suggest-background");
		assertThat(panel.select(".suggested-events > li .suggestion-text").eachText())
			.containsExactly("The cutter rams a trawler.", "Talks begin in Port Anselm.");
		assertThat(panel.select(".suggested-events > li.key .suggestion-text").eachText())
			.containsExactly("The cutter rams a trawler.");
		assertThat(panel.select(".suggested-events > li .insert-recap").eachAttr("data-recap")).containsExactly(
				"On " + text(daysAgo(400)) + ", the cutter rams a trawler ([more](/p/" + earlierPartSlug + ")).",
				"In " + text(daysAgo(200).substring(0, 7))
						+ ", Talks begin in Port Anselm ([source](https://news.example/talks)).");
		List<Long> suggested = ids(panel);
		assertThat(suggested).first().isEqualTo(both);
		assertThat(suggested).contains(byTag, byPerson, byText, earlierPart)
			.doesNotContain(written, draft, scheduled)
			.hasSizeLessThanOrEqualTo(8);
		assertThat(suggested.indexOf(byText)).isGreaterThan(suggested.indexOf(byTag))
			.isGreaterThan(suggested.indexOf(byPerson));
		Element textual = panel.selectFirst(".suggested-article[data-article-id=" + byText + "]");
		assertThat(textual.text()).contains("similar text").doesNotContain("shared");
		assertThat(textual.selectFirst(".insert-recap").attr("data-recap")).isEqualTo("In "
				+ text(daysAgo(5).substring(0, 7)) + ": The " + word + " question ([read](/p/" + byTextSlug + ")).");
		assertThat(panel.selectFirst(".suggested-article[data-article-id=" + both + "]").text())
			.contains("1 shared tag · 1 shared entity");
		assertThat(panel.html()).doesNotContain(GATED_WORDS);
	}

	@Test
	void aPublishedArticlesPanelLeavesOutItselfAndWhatCameAfterIt() {
		long before = publish(ArticleFixtures.unique("before"), "Ferry fares", "Fares rise.", List.of(tag.slug()), null,
				40);
		long after = publish(ArticleFixtures.unique("after"), "Ferry strikes", "Crews strike.", List.of(tag.slug()),
				null, 3);
		events.add(0, storyline.id(), new EventDraft(daysAgo(10), "After the article.", "", "", "", "", false));
		long itself = publish(ArticleFixtures.unique("itself"), "Ferry news", "Boats.", List.of(tag.slug()),
				storyline.slug(), 20);
		Visitor staff = new Newsroom(port, members).staff(MemberRole.EDITOR);

		Document page = staff.get("/admin/articles/" + itself).document();

		assertThat(ids(page.body())).contains(before, earlierPart).doesNotContain(itself, after);
		assertThat(page.select(".suggested-events .suggestion-text").eachText())
			.containsExactly("The cutter rams a trawler.", "Talks begin in Port Anselm.");
	}

	@Test
	void thePanelFollowsTheFormAsTypedForANewArticle() {
		Visitor staff = new Newsroom(port, members).staff(MemberRole.CONTRIBUTOR);
		String csrf = Newsroom.csrf(staff, "/admin/articles/new");
		Map<String, String> form = Newsroom
			.with(Newsroom.with(Newsroom.fields(ArticleFixtures.unique("typed"), Newsroom.ownAuthor(staff)),
					"storyline", storyline.slug()), "_csrf", csrf);

		Visitor.Page panel = staff.post("/admin/articles/background-suggestions", form);

		assertThat(panel.status()).isEqualTo(200);
		assertThat(panel.header("Cache-Control")).contains("no-store");
		assertThat(panel.document().select(".suggested-events .suggestion-text").eachText())
			.containsExactly("The cutter rams a trawler.", "Talks begin in Port Anselm.");
		assertThat(ids(panel.document().body())).contains(earlierPart);
		Document none = staff.post("/admin/articles/background-suggestions", Newsroom.with(form, "storyline", ""))
			.document();
		assertThat(none.select(".suggested-events li")).isEmpty();
		assertThat(none.select(".no-events")).hasSize(1);
	}

	@Test
	void aSavedArticlesPanelIsOnlyForStaffWhoMayEditIt() {
		Newsroom newsroom = new Newsroom(port, members);
		Visitor staff = newsroom.staff(MemberRole.EDITOR);
		long id = Newsroom.write(staff,
				Newsroom.fields(ArticleFixtures.unique("someone-elses"), Newsroom.ownAuthor(staff)));
		Visitor contributor = newsroom.staff(MemberRole.CONTRIBUTOR);

		Visitor.Page refused = contributor.post("/admin/articles/background-suggestions",
				Map.of("id", String.valueOf(id), "_csrf", Newsroom.csrf(contributor, "/admin/articles/new")));

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body()).doesNotContain("suggest-background");
	}

	@Test
	void theEditorAndThePublishPageWarnWhenTheStoryHasMovedOnSinceTheBackground() {
		Visitor staff = new Newsroom(port, members).staff(MemberRole.EDITOR);
		Map<String, String> fields = Newsroom.with(
				Newsroom.with(Newsroom.fields(ArticleFixtures.unique("stale"), Newsroom.ownAuthor(staff)), "storyline",
						storyline.slug()),
				"body", "## Before you read\n\nIt began with a ramming ([more](/p/" + earlierPartSlug + ")).\n\n"
						+ "## What's going on now\n\nNews.");
		long id = Newsroom.write(staff, fields);

		Document page = staff.get("/admin/articles/" + id).document();
		Document publish = staff.get("/admin/publish/" + id).document();

		assertThat(page.select(".stale-background > p").text())
			.isEqualTo("The story has moved on: 1 newer event isn't in the background:");
		assertThat(page.select(".stale-background .suggestion-text").eachText())
			.containsExactly("Talks begin in Port Anselm.");
		assertThat(page.select(".stale-background .insert-recap")).hasSize(1);
		assertThat(publish.select(".stale-background > p").text())
			.startsWith("The story has moved on: 1 newer event isn't in the background");
		assertThat(publish.select(".stale-background li").text()).contains("Talks begin in Port Anselm.");

		String csrf = Newsroom.csrf(staff, "/admin/articles/" + id);
		String caughtUp = fields.get("body")
			.replace("## What's", "In " + text(daysAgo(200).substring(0, 7)) + ", talks began.\n\n## What's");
		Document refreshed = staff
			.post("/admin/articles/background-suggestions",
					Newsroom.with(Newsroom.with(Newsroom.with(fields, "id", String.valueOf(id)), "body", caughtUp),
							"_csrf", csrf))
			.document();
		assertThat(refreshed.select(".stale-background")).isEmpty();
	}

	private long publish(String slug, String title, String body, List<String> tags, String storylineSlug, int daysAgo) {
		long id = editor.save(draft(slug, title, body, tags, storylineSlug));
		systemPublisher.publish(id, clock.instant().minus(Duration.ofDays(daysAgo)));
		published.add(id);
		return id;
	}

	private ArticleDraft draft(String slug, String title, String body, List<String> tags, String storylineSlug) {
		ArticleDraft fixture = new ArticleFixtures(editor, systemPublisher, taxonomyCreator).draft(Visibility.paid());
		return new ArticleDraft(null, slug, title, "", body + "\n\n<!-- paywall -->\n\n" + GATED_WORDS + ".",
				fixture.authorSlugs(), tags, storylineSlug, null, null, Visibility.paid());
	}

	private static List<Long> ids(Element panel) {
		return panel.select(".suggested-article").eachAttr("data-article-id").stream().map(Long::valueOf).toList();
	}

	private String daysAgo(int days) {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(days).toString();
	}

	private static String text(String written) {
		return EventDate.parse(written).orElseThrow().text();
	}

	private static String letters() {
		StringBuilder letters = new StringBuilder();
		ThreadLocalRandom.current().ints(8, 'a', 'z' + 1).forEach(c -> letters.append((char) c));
		return letters.toString();
	}

}
