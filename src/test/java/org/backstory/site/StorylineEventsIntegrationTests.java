package org.backstory.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.backstory.Visitor;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.backstory.publishing.ArticleDraft;
import org.backstory.publishing.ArticleEditor;
import org.backstory.publishing.ArticleFixtures;
import org.backstory.publishing.EventDraft;
import org.backstory.publishing.Storyline;
import org.backstory.publishing.StorylineEvents;
import org.backstory.publishing.SystemPublisher;
import org.backstory.publishing.TaxonomyCreator;
import org.backstory.publishing.Visibility;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A storyline's events on the site: the storyline page's timeline, either way round, and
 * "the story so far" on its articles, which follows event changes at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StorylineEventsIntegrationTests {

	private static final long ACTOR = 0;

	@LocalServerPort
	int port;

	@Autowired
	ArticleEditor editor;

	@Autowired
	TaxonomyCreator taxonomyCreator;

	@Autowired
	SystemPublisher systemPublisher;

	@Autowired
	StorylineEvents events;

	@Autowired
	MemberDirectory members;

	@Autowired
	Clock clock;

	private final List<Long> published = new ArrayList<>();

	@AfterEach
	void unpublish() {
		published.forEach(systemPublisher::unpublish);
		published.clear();
	}

	@Test
	void theTimelineInterleavesEventsAndArticlesOldestOrNewestFirst() {
		Storyline storyline = new ArticleFixtures(editor, systemPublisher, taxonomyCreator).storyline();
		ArticleDraft first = publish(storyline, Visibility.paid(), 100);
		ArticleDraft second = publish(storyline, Visibility.everyone(), 10);
		add(storyline, daysAgo(200), "Long before", "", "", false);
		add(storyline, daysAgo(50).substring(0, 7), "Between the two", "We will not move.", first.slug(), true);
		add(storyline, daysAgo(1), "Yesterday, after both", "", "", false);

		Document oldest = new Visitor(port).get("/story/" + storyline.slug()).document();
		assertThat(steps(oldest)).containsExactly("Long before", "Part 1", "Between the two", "Part 2",
				"Yesterday, after both");
		assertThat(oldest.select(".listing-header .dek").text()).isEqualTo(storyline.description());
		var between = oldest.select("ol.timeline > li.event").get(1);
		assertThat(between.hasClass("key")).isTrue();
		assertThat(between.select("time").attr("datetime")).isEqualTo(daysAgo(50).substring(0, 7));
		assertThat(between.select(".event-quote").text()).isEqualTo("We will not move. – The envoy");
		assertThat(between.select(".event-article a").attr("href")).isEqualTo("/p/" + first.slug());
		assertThat(between.select(".event-article .badge").text()).isEqualTo("Paid");
		assertThat(oldest.select(".event-sources a").attr("href")).isEqualTo("https://example.org/source");

		Document newest = new Visitor(port).get("/story/" + storyline.slug() + "?order=newest").document();
		assertThat(steps(newest)).containsExactly("Yesterday, after both", "Part 2", "Between the two", "Part 1",
				"Long before");
		assertThat(new Visitor(port).get("/story/" + storyline.slug() + "?order=sideways").status()).isEqualTo(400);
	}

	@Test
	void theStorySoFarShowsTheEventsBeforeTheArticleWithoutItsOwn() {
		Storyline storyline = new ArticleFixtures(editor, systemPublisher, taxonomyCreator).storyline();
		ArticleDraft earlier = publish(storyline, Visibility.members(), 300);
		ArticleDraft article = publish(storyline, Visibility.paid(), 20);
		add(storyline, daysAgo(400), "Key but old", "", "", true);
		for (int i = 0; i < 6; i++) {
			add(storyline, daysAgo(290 - i * 30), "Step " + i, "", i == 0 ? earlier.slug() : "", false);
		}
		add(storyline, daysAgo(21), "Its own news", "", article.slug(), true);
		add(storyline, daysAgo(5), "After it", "", "", true);

		Document page = new Visitor(port).get("/p/" + article.slug()).document();
		assertThat(page.select("aside.story-so-far .event-summary").eachText()).containsExactly("Key but old", "Step 2",
				"Step 3", "Step 4", "Step 5");
		assertThat(page.select("aside.story-so-far").first().nextElementSiblings().select(".article-body"))
			.isNotEmpty();

		Document onEarlier = new Visitor(port).get("/p/" + earlier.slug()).document();
		assertThat(onEarlier.select("aside.story-so-far .event-summary").eachText()).containsExactly("Key but old");
	}

	@Test
	void anEventChangeShowsInTheStorySoFarAtOnceAndLinksItsArticleWithItsBadge() {
		Storyline storyline = new ArticleFixtures(editor, systemPublisher, taxonomyCreator).storyline();
		ArticleDraft earlier = publish(storyline, Visibility.paid(), 60);
		ArticleDraft article = publish(storyline, Visibility.everyone(), 2);
		String path = "/p/" + article.slug();
		assertThat(new Visitor(port).get(path).document().select("aside.story-so-far")).isEmpty();

		long id = add(storyline, daysAgo(61), "What the earlier part covered", "", earlier.slug(), false);

		Document page = new Visitor(port).get(path).document();
		assertThat(page.select("aside.story-so-far .event-article a").attr("href")).isEqualTo("/p/" + earlier.slug());
		assertThat(page.select("aside.story-so-far .event-article .badge").text()).isEqualTo("Paid");
		events.edit(ACTOR, storyline.id(), id, new EventDraft(daysAgo(61), "Said again", "", "", "", "", false));
		assertThat(new Visitor(port).get(path).document().select("aside.story-so-far .event-summary").eachText())
			.containsExactly("Said again");
		events.delete(ACTOR, storyline.id(), id);
		assertThat(new Visitor(port).get(path).document().select("aside.story-so-far")).isEmpty();
	}

	@Test
	void aDraftPreviewedByStaffShowsTheEventsBeforeNow() {
		Storyline storyline = new ArticleFixtures(editor, systemPublisher, taxonomyCreator).storyline();
		ArticleDraft draft = new ArticleFixtures(editor, systemPublisher, taxonomyCreator).draft(Visibility.paid());
		long id = editor.save(new ArticleDraft(null, draft.slug(), draft.title(), draft.dek(), draft.bodyMarkdown(),
				draft.authorSlugs(), List.of(), storyline.slug(), null, null, draft.visibility()));
		add(storyline, daysAgo(3), "Three days ago", "", "", false);
		Visitor staff = new Visitor(port);
		staff.signIn(MemberFixtures.account(members, "editor", MemberRole.EDITOR), MemberFixtures.PASSWORD);

		Document preview = staff.get("/admin/articles/" + id + "/preview?as=anonymous").document();

		assertThat(preview.select("aside.story-so-far .event-summary").eachText()).containsExactly("Three days ago");
	}

	private ArticleDraft publish(Storyline storyline, Visibility visibility, int daysAgo) {
		ArticleDraft draft = new ArticleFixtures(editor, systemPublisher, taxonomyCreator).draft(visibility);
		long id = editor.save(new ArticleDraft(null, draft.slug(), draft.title(), draft.dek(), draft.bodyMarkdown(),
				draft.authorSlugs(), List.of(), storyline.slug(), null, null, visibility));
		systemPublisher.publish(id, clock.instant().minus(Duration.ofDays(daysAgo)));
		published.add(id);
		return draft.withId(id);
	}

	private long add(Storyline storyline, String date, String summary, String quote, String article, boolean key) {
		return events
			.add(ACTOR, storyline.id(),
					new EventDraft(date, summary, quote, quote.isEmpty() ? "" : "The envoy",
							"https://example.org/source", article, key))
			.id();
	}

	private String daysAgo(int days) {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(days).toString();
	}

	private static List<String> steps(Document page) {
		return page.select("ol.timeline > li")
			.stream()
			.map(item -> item.hasClass("event") ? item.select(".event-summary").text()
					: item.select(".meta").text().replaceFirst(" ·.*", ""))
			.toList();
	}

}
