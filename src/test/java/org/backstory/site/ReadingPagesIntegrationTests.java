package org.backstory.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.backstory.Visitor;
import org.backstory.publishing.ArticleDraft;
import org.backstory.publishing.ArticleEditor;
import org.backstory.publishing.ArticleFixtures;
import org.backstory.publishing.Author;
import org.backstory.publishing.SettableClock;
import org.backstory.publishing.Storyline;
import org.backstory.publishing.SystemPublisher;
import org.backstory.publishing.Tag;
import org.backstory.publishing.TaxonomyCreator;
import org.backstory.publishing.Visibility;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SettableClock.Configuration.class)
class ReadingPagesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ArticleEditor editor;

	@Autowired
	TaxonomyCreator taxonomyCreator;

	@Autowired
	SystemPublisher systemPublisher;

	@Autowired
	SettableClock clock;

	ArticleFixtures fixtures;

	@Autowired
	void fixtures(ArticleEditor editor) {
		this.fixtures = new ArticleFixtures(editor, systemPublisher, taxonomyCreator);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void homeListsTheLatestArticlesWithBylineDateAndLockMarks() {
		ArticleDraft free = fixtures.published(Visibility.everyone());
		ArticleDraft members = fixtures.published(Visibility.members());
		ArticleDraft paid = fixtures.published(Visibility.paid());
		ArticleDraft tiers = fixtures.published(Visibility.tiers(java.util.Set.of("gold")));

		Document home = page("/");

		assertThat(home.select(".article-list h2 a").eachText()).contains(free.title(), members.title(), paid.title(),
				tiers.title());
		assertThat(item(home, paid).select("span.lock").text()).isEqualTo("Paid");
		assertThat(item(home, tiers).select("span.lock").text()).isEqualTo("Paid");
		assertThat(item(home, members).select("span.lock").text()).isEqualTo("Members");
		assertThat(item(home, free).select("span.lock")).isEmpty();
		assertThat(item(home, free).select(".dek").text()).isEqualTo(free.dek());
		assertThat(item(home, free).select(".meta a[href=/author/" + free.authorSlugs().get(0) + "]")).hasSize(1);
		assertThat(item(home, free).select(".meta time").attr("datetime")).isNotEmpty();
	}

	@Test
	void homeNeverShowsArticleBodies() {
		ArticleDraft paid = fixtures.published(Visibility.paid());

		String home = new Visitor(port).get("/").body();

		assertThat(home).contains(paid.title())
			.doesNotContain("Gated paragraph of " + paid.slug())
			.doesNotContain("Free paragraph of " + paid.slug());
	}

	@Test
	void draftsAndScheduledArticlesStayOffEveryPageUntilTheirTime() {
		Tag tag = fixtures.tag();
		ArticleDraft draft = tagged(fixtures.draft(Visibility.everyone()), tag);
		ArticleDraft scheduled = tagged(fixtures.draft(Visibility.everyone()), tag);
		editor.save(draft);
		long scheduledId = editor.save(scheduled);
		systemPublisher.schedule(scheduledId, clock.instant().plus(Duration.ofHours(2)));

		for (ArticleDraft hidden : List.of(draft, scheduled)) {
			assertThat(new Visitor(port).get("/p/" + hidden.slug()).status()).isEqualTo(404);
			assertThat(new Visitor(port).get("/").body()).doesNotContain(hidden.title());
			assertThat(new Visitor(port).get("/tag/" + tag.slug()).body()).doesNotContain(hidden.title());
			assertThat(new Visitor(port).get("/author/" + hidden.authorSlugs().get(0)).body())
				.doesNotContain(hidden.title());
		}

		clock.advance(Duration.ofHours(3));

		assertThat(new Visitor(port).get("/p/" + scheduled.slug()).status()).isEqualTo(200);
		assertThat(new Visitor(port).get("/").body()).contains(scheduled.title());
		assertThat(new Visitor(port).get("/tag/" + tag.slug()).body()).contains(scheduled.title())
			.doesNotContain(draft.title());
	}

	@Test
	void tagPageListsItsArticles() {
		Tag tag = fixtures.tag();
		ArticleDraft article = tagged(fixtures.draft(Visibility.paid()), tag);
		fixtures.publish(article);

		Visitor.Page page = new Visitor(port).get("/tag/" + tag.slug());

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.document().select("h1").text()).isEqualTo(tag.name());
		assertThat(page.document().select(".article-list a[href=/p/" + article.slug() + "]").text())
			.isEqualTo(article.title());
		assertThat(page.document().select(".article-list span.lock").text()).isEqualTo("Paid");
	}

	@Test
	void authorPageShowsTheBioAndTheirArticles() {
		Author author = fixtures.author();
		ArticleDraft base = fixtures.draft(Visibility.everyone());
		ArticleDraft article = new ArticleDraft(null, base.slug(), base.title(), base.dek(), base.bodyMarkdown(),
				List.of(author.slug()), List.of(), null, null, null, base.visibility());
		fixtures.publish(article);

		Document page = page("/author/" + author.slug());

		assertThat(page.select("h1").text()).isEqualTo(author.name());
		assertThat(page.select(".bio").text()).isEqualTo(author.bio());
		assertThat(page.select(".article-list h2 a").eachText()).containsExactly(article.title());
	}

	@Test
	void storylinePageIsATimelineInStoryOrder() {
		Storyline story = fixtures.storyline();
		ArticleDraft second = inStory(fixtures.draft(Visibility.paid()), story, 2);
		ArticleDraft first = inStory(fixtures.draft(Visibility.everyone()), story, 1);
		fixtures.publish(second);
		fixtures.publish(first);

		Document page = page("/story/" + story.slug());

		assertThat(page.select("h1").text()).isEqualTo(story.title());
		assertThat(page.select("ol.timeline > li h2 a").eachText()).containsExactly(first.title(), second.title());
		assertThat(page.select("ol.timeline > li .meta").eachText().get(1)).startsWith("Part 2");
		assertThat(page.select("ol.timeline > li").get(1).select("span.lock").text()).isEqualTo("Paid");
	}

	@Test
	void articlePageLinksItsStorylineAndNeighbours() {
		Storyline story = fixtures.storyline();
		ArticleDraft first = inStory(fixtures.draft(Visibility.everyone()), story, 1);
		ArticleDraft second = inStory(fixtures.draft(Visibility.everyone()), story, 2);
		ArticleDraft third = inStory(fixtures.draft(Visibility.everyone()), story, 3);
		List.of(first, second, third).forEach(fixtures::publish);

		Document page = page("/p/" + second.slug());

		assertThat(page.select(".article-header .kicker a").text()).isEqualTo("Part 2 of " + story.title());
		assertThat(page.select(".article-header .kicker a").attr("href")).isEqualTo("/story/" + story.slug());
		assertThat(page.select(".storyline-nav a[rel=prev]").attr("href")).isEqualTo("/p/" + first.slug());
		assertThat(page.select(".storyline-nav a[rel=next]").attr("href")).isEqualTo("/p/" + third.slug());
		assertThat(page("/p/" + first.slug()).select(".storyline-nav a[rel=prev]")).isEmpty();
	}

	@Test
	void articlePageShowsTitleDekBylineTagsAndCover() {
		Tag tag = fixtures.tag();
		ArticleDraft base = fixtures.draft(Visibility.everyone());
		ArticleDraft article = new ArticleDraft(null, base.slug(), base.title(), base.dek(), base.bodyMarkdown(),
				base.authorSlugs(), List.of(tag.slug()), null, null, "https://images.example/cover.jpg",
				base.visibility());
		fixtures.publish(article);

		Document page = page("/p/" + article.slug());

		assertThat(page.select("h1").text()).isEqualTo(article.title());
		assertThat(page.select(".article-header .dek").text()).isEqualTo(article.dek());
		assertThat(page.select(".article-header .meta a[rel=author]").attr("href"))
			.isEqualTo("/author/" + article.authorSlugs().get(0));
		assertThat(page.select(".tags a[rel=tag]").attr("href")).isEqualTo("/tag/" + tag.slug());
		assertThat(page.select(".cover img").attr("src")).isEqualTo("https://images.example/cover.jpg");
		assertThat(page.select(".article-body").text()).contains("Free paragraph of", "Gated paragraph of");
	}

	@Test
	void anOldSlugAnswersWithAPermanentRedirect() {
		ArticleDraft article = fixtures.published(Visibility.everyone());
		String newSlug = ArticleFixtures.unique("moved");
		editor.changeSlug(article.id(), newSlug);

		Visitor.Page answer = new Visitor(port).get("/p/" + article.slug());

		assertThat(answer.status()).isEqualTo(301);
		assertThat(answer.header("Location")).endsWith("/p/" + newSlug).doesNotContain("?");
		assertThat(new Visitor(port).follow("/p/" + article.slug()).document().select("h1").text())
			.isEqualTo(article.title());
	}

	@Test
	void unknownSlugsAndPathsGetTheFriendly404Page() {
		for (String path : List.of("/p/no-such-article-here", "/tag/no-such-tag-here", "/author/no-such-author",
				"/story/no-such-story-here", "/no/such/path", "/p/", "/?page=9999", "/?page=0")) {
			Visitor.Page page = new Visitor(port).get(path);

			assertThat(page.status()).as(path).isEqualTo(404);
			assertThat(page.document().select("h1").text()).as(path).isEqualTo("We couldn't find that page");
			assertThat(page.document().select("header.masthead a[href=/login]")).as(path).hasSize(1);
			assertThat(page.header("Cache-Control")).as(path).isEqualTo("no-store");
		}
	}

	private Document page(String path) {
		Visitor.Page page = new Visitor(port).get(path);
		assertThat(page.status()).as(path).isEqualTo(200);
		return page.document();
	}

	private static org.jsoup.nodes.Element item(Document list, ArticleDraft article) {
		return list.select(".article-list li:has(a[href=/p/" + article.slug() + "])").first();
	}

	private static ArticleDraft tagged(ArticleDraft d, Tag tag) {
		return new ArticleDraft(d.id(), d.slug(), d.title(), d.dek(), d.bodyMarkdown(), d.authorSlugs(),
				List.of(tag.slug()), d.storylineSlug(), d.storylinePosition(), d.coverImageUrl(), d.visibility());
	}

	private static ArticleDraft inStory(ArticleDraft d, Storyline story, int position) {
		return new ArticleDraft(d.id(), d.slug(), d.title(), d.dek(), d.bodyMarkdown(), d.authorSlugs(), d.tagSlugs(),
				story.slug(), position, d.coverImageUrl(), d.visibility());
	}

}
