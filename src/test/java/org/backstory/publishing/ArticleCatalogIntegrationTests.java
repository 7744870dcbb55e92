package org.backstory.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SettableClock.Configuration.class)
class ArticleCatalogIntegrationTests {

	@Autowired
	ArticleCatalog catalog;

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
	void aPublishedArticleIsFoundBySlugWithItsBylineTagsAndSplitBody() {
		Author first = fixtures.author();
		Author second = fixtures.author();
		Tag tagA = fixtures.tag();
		Tag tagB = fixtures.tag();
		ArticleDraft draft = fixtures.draft(Visibility.paid());
		draft = new ArticleDraft(null, draft.slug(), draft.title(), draft.dek(), draft.bodyMarkdown(),
				List.of(second.slug(), first.slug()), List.of(tagB.slug(), tagA.slug()), null, null,
				"https://example.org/cover.jpg", Visibility.paid());
		long id = fixtures.publish(draft);

		Article article = found(draft.slug());
		assertThat(article.id()).isEqualTo(id);
		assertThat(article.title()).isEqualTo(draft.title());
		assertThat(article.authors()).containsExactly(second.ref(), first.ref());
		assertThat(article.tags()).containsExactly(tagB.ref(), tagA.ref());
		assertThat(article.coverImageUrl()).isEqualTo("https://example.org/cover.jpg");
		assertThat(article.visibility()).isEqualTo(Visibility.paid());
		assertThat(article.previewHtml()).contains("Free paragraph").doesNotContain("Gated paragraph");
		assertThat(article.gatedBody().html()).contains("Gated paragraph").doesNotContain("Free paragraph");
		assertThat(article.storyline()).isNull();
		assertThat(article.onSite()).isTrue();
	}

	@Test
	void tierVisibilityRoundTrips() {
		ArticleDraft draft = fixtures.published(Visibility.tiers(java.util.Set.of("gold", "silver")));

		assertThat(found(draft.slug()).visibility()).isEqualTo(Visibility.tiers(java.util.Set.of("silver", "gold")));
	}

	@Test
	void draftsAreInvisibleEverywhere() {
		Tag tag = fixtures.tag();
		ArticleDraft base = fixtures.draft(Visibility.everyone());
		ArticleDraft draft = new ArticleDraft(null, base.slug(), base.title(), base.dek(), base.bodyMarkdown(),
				base.authorSlugs(), List.of(tag.slug()), null, null, null, Visibility.everyone());
		editor.save(draft);

		assertThat(catalog.bySlug(draft.slug())).isEmpty();
		assertThat(slugs(catalog.latest(500, 0))).doesNotContain(draft.slug());
		assertThat(slugs(catalog.allPublished())).doesNotContain(draft.slug());
		assertThat(catalog.byTag(tag.slug(), 10, 0)).isEmpty();
		assertThat(catalog.byAuthor(draft.authorSlugs().get(0), 10, 0)).isEmpty();
		assertThat(catalog.latestInFull(100)).extracting(Article::slug).doesNotContain(draft.slug());
	}

	@Test
	void anEmailOnlyArticleIsInvisibleToReadersButFoundForSending() {
		Tag tag = fixtures.tag();
		Storyline story = fixtures.storyline();
		ArticleDraft base = fixtures.draft(Visibility.paid());
		ArticleDraft draft = new ArticleDraft(null, base.slug(), base.title(), base.dek(), base.bodyMarkdown(),
				base.authorSlugs(), List.of(tag.slug()), story.slug(), 1, null, Visibility.paid());
		long id = editor.save(draft);

		systemPublisher.publish(id, clock.instant(), false);

		assertThat(catalog.bySlug(draft.slug())).isEmpty();
		assertThat(slugs(catalog.latest(500, 0))).doesNotContain(draft.slug());
		assertThat(slugs(catalog.allPublished())).doesNotContain(draft.slug());
		assertThat(catalog.byTag(tag.slug(), 10, 0)).isEmpty();
		assertThat(catalog.byAuthor(draft.authorSlugs().get(0), 10, 0)).isEmpty();
		assertThat(catalog.inStoryline(story.slug())).isEmpty();
		assertThat(catalog.latestInFull(100)).extracting(Article::slug).doesNotContain(draft.slug());
		Article sending = catalog.forSending(id).orElseThrow();
		assertThat(sending.onSite()).isFalse();
		assertThat(sending.previewHtml()).contains("Free paragraph");
		assertThat(sending.storyline().position()).isEqualTo(1);
	}

	@Test
	void aScheduledArticleAppearsByItselfWhenItsTimeComes() {
		ArticleDraft draft = fixtures.draft(Visibility.everyone());
		long id = editor.save(draft);
		systemPublisher.schedule(id, clock.instant().plus(Duration.ofHours(1)));

		assertThat(catalog.bySlug(draft.slug())).isEmpty();
		assertThat(slugs(catalog.latest(20, 0))).doesNotContain(draft.slug());

		clock.advance(Duration.ofMinutes(61));

		assertThat(catalog.bySlug(draft.slug())).containsInstanceOf(ArticleLookup.Found.class);
		assertThat(slugs(catalog.latest(20, 0))).contains(draft.slug());

		clock.reset();

		assertThat(catalog.bySlug(draft.slug())).isEmpty();
	}

	@Test
	void anOldSlugLeadsToTheCurrentOne() {
		ArticleDraft draft = fixtures.published(Visibility.everyone());
		String newSlug = ArticleFixtures.unique("renamed");

		editor.changeSlug(draft.id(), newSlug);

		assertThat(catalog.bySlug(draft.slug())).contains(new ArticleLookup.Moved(newSlug));
		assertThat(found(newSlug).id()).isEqualTo(draft.id());
	}

	@Test
	void renamingTwiceKeepsEveryOldSlugAndRenamingBackFreesIt() {
		ArticleDraft draft = fixtures.published(Visibility.everyone());
		String second = ArticleFixtures.unique("second");
		String third = ArticleFixtures.unique("third");

		editor.save(withSlug(draft, second));
		editor.changeSlug(draft.id(), third);

		assertThat(catalog.bySlug(draft.slug())).contains(new ArticleLookup.Moved(third));
		assertThat(catalog.bySlug(second)).contains(new ArticleLookup.Moved(third));

		editor.changeSlug(draft.id(), draft.slug());

		assertThat(found(draft.slug()).id()).isEqualTo(draft.id());
		assertThat(catalog.bySlug(third)).contains(new ArticleLookup.Moved(draft.slug()));
	}

	@Test
	void renamingADraftLeavesNoAlias() {
		ArticleDraft draft = fixtures.draft(Visibility.everyone());
		long id = editor.save(draft);
		String newSlug = ArticleFixtures.unique("renamed-draft");
		editor.changeSlug(id, newSlug);
		systemPublisher.publishNow(id);

		assertThat(catalog.bySlug(draft.slug())).isEmpty();
		assertThat(found(newSlug).id()).isEqualTo(id);
	}

	@Test
	void editsShowAtOnceDespiteTheCache() {
		ArticleDraft draft = fixtures.published(Visibility.everyone());
		assertThat(found(draft.slug()).title()).isEqualTo(draft.title());

		editor.save(new ArticleDraft(draft.id(), draft.slug(), "A new headline", draft.dek(), draft.bodyMarkdown(),
				draft.authorSlugs(), List.of(), null, null, null, Visibility.everyone()));

		assertThat(found(draft.slug()).title()).isEqualTo("A new headline");
		assertThat(catalog.latest(500, 0)).filteredOn(a -> a.id() == draft.id())
			.extracting(ArticleSummary::title)
			.containsExactly("A new headline");
	}

	@Test
	void unpublishingHidesTheArticle() {
		ArticleDraft draft = fixtures.published(Visibility.everyone());
		assertThat(catalog.bySlug(draft.slug())).isPresent();

		systemPublisher.unpublish(draft.id());

		assertThat(catalog.bySlug(draft.slug())).isEmpty();
	}

	@Test
	void storylinesListPublishedPartsInOrderAndNumberThemWithoutGaps() {
		Storyline story = fixtures.storyline();
		ArticleDraft third = inStoryline(fixtures.draft(Visibility.paid()), story, 3);
		ArticleDraft first = inStoryline(fixtures.draft(Visibility.everyone()), story, 1);
		ArticleDraft unpublished = inStoryline(fixtures.draft(Visibility.everyone()), story, 2);
		fixtures.publish(third);
		fixtures.publish(first);
		editor.save(unpublished);

		assertThat(slugs(catalog.inStoryline(story.slug()))).containsExactly(first.slug(), third.slug());
		assertThat(found(third.slug()).storyline()).isEqualTo(new StorylineRef(story.slug(), story.title(), 2));
		assertThat(catalog.storyline(story.slug())).contains(story);
	}

	@Test
	void aStorylineArticleWithoutAPositionGoesLast() {
		Storyline story = fixtures.storyline();
		fixtures.publish(inStoryline(fixtures.draft(Visibility.everyone()), story, 5));
		ArticleDraft last = inStoryline(fixtures.draft(Visibility.everyone()), story, null);
		fixtures.publish(last);

		assertThat(found(last.slug()).storyline().position()).isEqualTo(2);
		assertThat(slugs(catalog.inStoryline(story.slug()))).endsWith(last.slug());
	}

	@Test
	void listsByTagAndAuthorHoldTheirPublishedArticlesNewestFirst() {
		Tag tag = fixtures.tag();
		Author author = fixtures.author();
		ArticleDraft older = byAndTagged(fixtures.draft(Visibility.everyone()), author, tag);
		ArticleDraft newer = byAndTagged(fixtures.draft(Visibility.members()), author, tag);
		long olderId = editor.save(older);
		systemPublisher.publish(olderId, clock.instant().minus(Duration.ofDays(2)));
		fixtures.publish(newer);

		assertThat(slugs(catalog.byTag(tag.slug(), 10, 0))).containsExactly(newer.slug(), older.slug());
		assertThat(slugs(catalog.byAuthor(author.slug(), 10, 0))).containsExactly(newer.slug(), older.slug());
		assertThat(slugs(catalog.byAuthor(author.slug(), 1, 1))).containsExactly(older.slug());
		assertThat(catalog.tag(tag.slug())).contains(tag);
		assertThat(catalog.author(author.slug())).contains(author);
		assertThat(catalog.tag("no-such-tag-anywhere")).isEmpty();
	}

	@Test
	void unknownSlugsFindNothing() {
		assertThat(catalog.bySlug("no-such-article-anywhere")).isEmpty();
		assertThat(catalog.inStoryline("no-such-story-anywhere")).isEmpty();
	}

	private Article found(String slug) {
		return catalog.bySlug(slug)
			.filter(ArticleLookup.Found.class::isInstance)
			.map(lookup -> ((ArticleLookup.Found) lookup).article())
			.orElseThrow(() -> new AssertionError("not found: " + slug));
	}

	private static List<String> slugs(List<ArticleSummary> articles) {
		return articles.stream().map(ArticleSummary::slug).toList();
	}

	private static ArticleDraft withSlug(ArticleDraft d, String slug) {
		return new ArticleDraft(d.id(), slug, d.title(), d.dek(), d.bodyMarkdown(), d.authorSlugs(), d.tagSlugs(),
				d.storylineSlug(), d.storylinePosition(), d.coverImageUrl(), d.visibility());
	}

	private static ArticleDraft inStoryline(ArticleDraft d, Storyline story, Integer position) {
		return new ArticleDraft(d.id(), d.slug(), d.title(), d.dek(), d.bodyMarkdown(), d.authorSlugs(), d.tagSlugs(),
				story.slug(), position, d.coverImageUrl(), d.visibility());
	}

	private static ArticleDraft byAndTagged(ArticleDraft d, Author author, Tag tag) {
		return new ArticleDraft(d.id(), d.slug(), d.title(), d.dek(), d.bodyMarkdown(), List.of(author.slug()),
				List.of(tag.slug()), d.storylineSlug(), d.storylinePosition(), d.coverImageUrl(), d.visibility());
	}

}
