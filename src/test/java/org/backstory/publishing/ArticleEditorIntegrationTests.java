package org.backstory.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SettableClock.Configuration.class)
class ArticleEditorIntegrationTests {

	@Autowired
	ArticleEditor editor;

	@Autowired
	TaxonomyCreator taxonomyCreator;

	@Autowired
	SystemPublisher systemPublisher;

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	SettableClock clock;

	@Autowired
	JdbcClient jdbc;

	ArticleFixtures fixtures;

	@Autowired
	void fixtures(ArticleEditor editor) {
		this.fixtures = new ArticleFixtures(editor, systemPublisher, taxonomyCreator);
	}

	@Test
	void savesTheMarkdownAndBothRenderedHalves() {
		ArticleDraft draft = fixtures.draft(Visibility.paid());

		long id = editor.save(draft);

		var row = jdbc
			.sql("select body_markdown, preview_html, gated_html, status from publishing.article where id = ?")
			.param(id)
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.single();
		assertThat(row.get(0)).isEqualTo(draft.bodyMarkdown());
		assertThat(row.get(1)).isEqualTo("<p>Free paragraph of " + draft.slug() + ".</p>\n");
		assertThat(row.get(2)).isEqualTo("<p>Gated paragraph of " + draft.slug() + ".</p>\n");
		assertThat(row.get(3)).isEqualTo("draft");
	}

	@Test
	void aBackdatedFirstPublicationIsNotAnUpdate() {
		long id = editor.save(fixtures.draft(Visibility.everyone()));
		java.time.Instant lastYear = clock.instant().minus(Duration.ofDays(365));

		systemPublisher.publish(id, lastYear);

		assertThat(jdbc.sql("select updated_at = published_at from publishing.article where id = ?")
			.param(id)
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void aLaterEditOfAPublishedArticleIsAnUpdate() {
		long id = editor.save(fixtures.draft(Visibility.everyone()));
		systemPublisher.publish(id, clock.instant().minus(Duration.ofDays(365)));
		ArticleDraft edited = fixtures.draft(Visibility.everyone()).withId(id);

		editor.save(new ArticleDraft(id,
				jdbc.sql("select slug from publishing.article where id = ?").param(id).query(String.class).single(),
				"Edited title", edited.dek(), edited.bodyMarkdown(), edited.authorSlugs(), edited.tagSlugs(), null,
				null, null, Visibility.everyone()));

		assertThat(jdbc.sql("select updated_at > published_at from publishing.article where id = ?")
			.param(id)
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void rejectsABadDraftWithEveryProblemAndWritesNothing() {
		ArticleDraft good = fixtures.draft(Visibility.everyone());
		ArticleDraft bad = new ArticleDraft(null, good.slug(), "", good.dek(), good.bodyMarkdown(),
				List.of("nobody-" + good.slug()), List.of("no-tag-" + good.slug()), "no-story-" + good.slug(), null,
				null, Visibility.everyone());

		assertThatThrownBy(() -> editor.save(bad)).isInstanceOfSatisfying(InvalidArticleException.class,
				ex -> assertThat(ex.problems()).containsExactly("The title must not be empty.",
						"There is no author 'nobody-" + good.slug() + "'.",
						"There is no tag 'no-tag-" + good.slug() + "'.",
						"There is no storyline 'no-story-" + good.slug() + "'."));
		assertThat(editor.idOfSlug(good.slug())).isEmpty();
	}

	@Test
	void refusesASlugAnotherArticleUses() {
		ArticleDraft first = fixtures.published(Visibility.everyone());
		ArticleDraft second = fixtures.draft(Visibility.everyone());
		ArticleDraft clash = new ArticleDraft(null, first.slug(), second.title(), second.dek(), second.bodyMarkdown(),
				second.authorSlugs(), List.of(), null, null, null, Visibility.everyone());

		assertThatThrownBy(() -> editor.save(clash)).isInstanceOf(InvalidArticleException.class)
			.hasMessage("The slug '" + first.slug() + "' is already used by another article.");
		long otherId = editor.save(second);
		assertThatThrownBy(() -> editor.changeSlug(otherId, first.slug())).isInstanceOf(InvalidArticleException.class);
	}

	@Test
	void refusesATakenStorylinePart() {
		Storyline story = fixtures.storyline();
		ArticleDraft first = fixtures.draft(Visibility.everyone());
		fixtures.publish(new ArticleDraft(null, first.slug(), first.title(), first.dek(), first.bodyMarkdown(),
				first.authorSlugs(), List.of(), story.slug(), 1, null, Visibility.everyone()));
		ArticleDraft second = fixtures.draft(Visibility.everyone());
		ArticleDraft clash = new ArticleDraft(null, second.slug(), second.title(), second.dek(), second.bodyMarkdown(),
				second.authorSlugs(), List.of(), story.slug(), 1, null, Visibility.everyone());

		assertThatThrownBy(() -> editor.save(clash)).isInstanceOf(InvalidArticleException.class)
			.hasMessage("Part 1 of the storyline '" + story.slug() + "' is already '" + first.slug() + "'.");
	}

	@Test
	void updatingKeepsTheStatusAndPublicationTime() {
		ArticleDraft article = fixtures.published(Visibility.everyone());
		var before = catalog.latest(500, 0).stream().filter(a -> a.id() == article.id()).findFirst().orElseThrow();

		editor.save(new ArticleDraft(article.id(), article.slug(), "Changed", article.dek(), "New body.",
				article.authorSlugs(), List.of(), null, null, null, Visibility.members()));

		var after = catalog.latest(500, 0).stream().filter(a -> a.id() == article.id()).findFirst().orElseThrow();
		assertThat(after.publishedAt()).isEqualTo(before.publishedAt());
		assertThat(after.title()).isEqualTo("Changed");
		assertThat(after.visibility()).isEqualTo(Visibility.members());
	}

	@Test
	void updatingAMissingArticleSaysSo() {
		ArticleDraft draft = fixtures.draft(Visibility.everyone()).withId(Long.MAX_VALUE);

		assertThatThrownBy(() -> editor.save(draft)).isInstanceOf(InvalidArticleException.class)
			.hasMessage("There is no article with id " + Long.MAX_VALUE + ".");
		assertThatThrownBy(() -> systemPublisher.publishNow(Long.MAX_VALUE))
			.isInstanceOf(InvalidArticleException.class);
	}

	@Test
	void schedulingNeedsAFutureTime() {
		long id = editor.save(fixtures.draft(Visibility.everyone()));

		assertThatThrownBy(() -> systemPublisher.schedule(id, clock.instant().minus(Duration.ofMinutes(1))))
			.isInstanceOf(InvalidArticleException.class)
			.hasMessage("A scheduled time must be in the future.");
	}

	@Test
	void authorsTagsAndStorylinesAreIdempotentBySlug() {
		String slug = ArticleFixtures.unique("same");

		Author first = taxonomyCreator.createAuthor(slug, "First Name", "Bio", null);
		Author again = taxonomyCreator.createAuthor(slug, "Other Name", "Other bio", null);
		Tag tag = taxonomyCreator.createTag(slug, "World");
		Storyline story = taxonomyCreator.createStoryline(slug, "The thaw", "Years of talks");

		assertThat(again).isEqualTo(first);
		assertThat(again.name()).isEqualTo("First Name");
		assertThat(taxonomyCreator.createTag(slug, "Else")).isEqualTo(tag);
		assertThat(taxonomyCreator.createStoryline(slug, "Else", "")).isEqualTo(story);
	}

	@Test
	void refusesBadAuthorTagAndStorylineNames() {
		assertThatThrownBy(() -> taxonomyCreator.createAuthor("Bad Slug", "", "", null))
			.isInstanceOfSatisfying(InvalidArticleException.class, ex -> assertThat(ex.problems()).hasSize(2));
		assertThatThrownBy(() -> taxonomyCreator.createTag(ArticleFixtures.unique("t"), "x".repeat(81)))
			.isInstanceOf(InvalidArticleException.class)
			.hasMessage("The tag's name must be at most 80 characters.");
		assertThatThrownBy(() -> taxonomyCreator.createStoryline(ArticleFixtures.unique("s"), " ", ""))
			.isInstanceOf(InvalidArticleException.class)
			.hasMessage("The storyline's title must not be empty.");
	}

}
