package org.backstory.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.backstory.shared.StaffActed;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The rules behind tags and storylines management, and the audit entries each change
 * leaves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RecordApplicationEvents
class TaxonomyIntegrationTests {

	private static final long ACTOR = 4242;

	@Autowired
	Taxonomy taxonomy;

	@Autowired
	StorylineTaxonomy storylineTaxonomy;

	@Autowired
	ArticleEditor editor;

	@Autowired
	TaxonomyCreator taxonomyCreator;

	@Autowired
	SystemPublisher systemPublisher;

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	ApplicationEvents events;

	@Test
	void everyChangeIsRecordedForTheAuditLog() {
		Tag tag = taxonomy.createTag(ACTOR, ArticleFixtures.unique("audit"), "Audited", "");
		Tag other = fixtures().tag();
		taxonomy.editTag(ACTOR, tag.id(), ArticleFixtures.unique("audit"), "Audited again", "");
		taxonomy.mergeTags(ACTOR, tag.id(), other.id());
		taxonomy.deleteTag(ACTOR, other.id());
		Storyline storyline = storylineTaxonomy.createStoryline(ACTOR, ArticleFixtures.unique("audit"), "Audited story",
				"");
		Storyline into = fixtures().storyline();
		long article = inStoryline(storyline, false);
		inStoryline(storyline, false);
		storylineTaxonomy.editStoryline(ACTOR, storyline.id(), storyline.slug(), "Audited story, edited",
				"Now described.");
		storylineTaxonomy.moveArticle(ACTOR, storyline.id(), article, 2);
		storylineTaxonomy.mergeStorylines(ACTOR, storyline.id(), into.id());

		List<StaffActed> acted = events.stream(StaffActed.class).toList();
		assertThat(acted).extracting(StaffActed::action)
			.containsExactly("tag.created", "tag.renamed", "tag.merged", "tag.deleted", "storyline.created",
					"storyline.edited", "storyline.reordered", "storyline.merged");
		assertThat(acted).allSatisfy(entry -> assertThat(entry.actorId()).isEqualTo(ACTOR));
		assertThat(acted.get(2).subject()).isEqualTo("tag " + tag.id() + " \"Audited again\"");
		assertThat(acted.get(2).detail()).isEqualTo("into tag " + other.id() + " \"" + other.name() + "\", 0 articles");
	}

	@Test
	void reorderingNumbersEveryArticleOnceDraftsIncluded() {
		Storyline storyline = fixtures().storyline();
		long first = inStoryline(storyline, false);
		long draft = inStoryline(storyline, true);
		long third = inStoryline(storyline, false);

		storylineTaxonomy.moveArticle(ACTOR, storyline.id(), third, 1);
		storylineTaxonomy.moveArticle(ACTOR, storyline.id(), first, 99);

		assertThat(storylineTaxonomy.parts(storyline.id()))
			.extracting(StorylinePart::articleId, StorylinePart::position)
			.containsExactly(tuple(third, 1), tuple(draft, 2), tuple(first, 3));
		assertThat(storylineTaxonomy.storyline(storyline.id()).orElseThrow().articles()).isEqualTo(3);
	}

	@Test
	void anArticleOutsideTheStorylineCannotBeMovedInIt() {
		Storyline storyline = fixtures().storyline();
		Storyline elsewhere = fixtures().storyline();
		long stranger = inStoryline(elsewhere, false);

		assertThatThrownBy(() -> storylineTaxonomy.moveArticle(ACTOR, storyline.id(), stranger, 1))
			.isInstanceOf(InvalidArticleException.class)
			.hasMessage("That article is not in the storyline \"" + storyline.title() + "\".");
	}

	@Test
	void anOldSlugFollowsLaterRenamesAndIsFreedWhenATagTakesIt() {
		Tag tag = fixtures().tag();
		String second = ArticleFixtures.unique("second");
		String third = ArticleFixtures.unique("third");

		taxonomy.editTag(ACTOR, tag.id(), second, "Second name", "");
		taxonomy.editTag(ACTOR, tag.id(), third, "Third name", "");

		assertThat(catalog.tagMovedTo(tag.slug())).hasValue(third);
		assertThat(catalog.tagMovedTo(second)).hasValue(third);
		taxonomy.createTag(ACTOR, tag.slug(), "A new tag on the old slug", "");
		assertThat(catalog.tagMovedTo(tag.slug())).isEmpty();
		assertThat(catalog.tag(tag.slug()).orElseThrow().name()).isEqualTo("A new tag on the old slug");
	}

	@Test
	void badNamesAndTakenSlugsAreRefusedWithoutWritingAnything() {
		Tag tag = fixtures().tag();
		Tag other = fixtures().tag();

		assertThatThrownBy(() -> taxonomy.editTag(ACTOR, tag.id(), other.slug(), "Fine name", ""))
			.hasMessage("The slug '" + other.slug() + "' is already used by another tag.");
		assertThatThrownBy(() -> taxonomy.editTag(ACTOR, tag.id(), "Not A Slug", "", ""))
			.isInstanceOf(InvalidArticleException.class)
			.satisfies(ex -> assertThat(((InvalidArticleException) ex).problems()).hasSize(2));
		assertThat(taxonomy.tag(tag.id()).orElseThrow().name()).isEqualTo(tag.name());
		assertThat(events.stream(StaffActed.class)).isEmpty();
	}

	private ArticleFixtures fixtures() {
		return new ArticleFixtures(editor, systemPublisher, taxonomyCreator);
	}

	/**
	 * An article appended to the storyline, published unless {@code draft}; returns its
	 * id.
	 */
	private long inStoryline(Storyline storyline, boolean draft) {
		ArticleDraft base = fixtures().draft(Visibility.everyone());
		ArticleDraft inStory = new ArticleDraft(null, base.slug(), base.title(), base.dek(), base.bodyMarkdown(),
				base.authorSlugs(), List.of(), storyline.slug(), null, null, base.visibility());
		return draft ? editor.save(inStory) : fixtures().publish(inStory);
	}

}
