package org.backstory.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.backstory.Visitor;
import org.backstory.publishing.ArticleDraft;
import org.backstory.publishing.ArticleEditor;
import org.backstory.publishing.ArticleFixtures;
import org.backstory.publishing.SettableClock;
import org.backstory.publishing.Storyline;
import org.backstory.publishing.SystemPublisher;
import org.backstory.publishing.Tag;
import org.backstory.publishing.TaxonomyCreator;
import org.backstory.publishing.Visibility;
import org.jspecify.annotations.Nullable;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * "Related articles" under an article page, read over HTTP: the same storyline first,
 * then more shared tags, then shared words of title, dek and tags, newest among equals;
 * only titles, deks and badges. The articles here have titles, deks and tag names of
 * made-up words, so the fixtures' shared words ("Title of", "Tag") relate them to nothing
 * else.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SettableClock.Configuration.class)
class RelatedArticlesIntegrationTests {

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

	private final List<Long> publishedHere = new ArrayList<>();

	@Autowired
	void fixtures(ArticleEditor editor) {
		this.fixtures = new ArticleFixtures(editor, systemPublisher, taxonomyCreator);
	}

	@AfterEach
	void unpublishAndResetClock() {
		clock.reset();
		publishedHere.forEach(systemPublisher::unpublish);
		publishedHere.clear();
	}

	@Test
	void theSameStorylineComesFirstThenMoreSharedTagsThenSharedWords() {
		Storyline story = fixtures.storyline();
		Tag first = tag();
		Tag second = tag();
		String word = word();
		String other = word();
		ArticleDraft source = publish(
				article(word + " " + other, Visibility.everyone(), List.of(first, second), story));
		ArticleDraft byText = publish(
				article(word + " " + other + " " + word(), Visibility.everyone(), List.of(), null));
		ArticleDraft oneTag = publish(article(word(), Visibility.everyone(), List.of(first), null));
		ArticleDraft twoTags = publish(article(word(), Visibility.everyone(), List.of(first, second), null));
		ArticleDraft sameStory = publish(article(word(), Visibility.everyone(), List.of(), story));
		publish(article(word(), Visibility.everyone(), List.of(), null));

		assertThat(relatedTitles(source)).containsExactly(sameStory.title(), twoTags.title(), oneTag.title(),
				byText.title());
	}

	@Test
	void moreSharedWordsComeFirstAndTheNewestAmongEquals() {
		String word = word();
		String other = word();
		Instant now = clock.instant();
		ArticleDraft source = publish(article(word + " " + other, Visibility.everyone(), List.of(), null));
		ArticleDraft oneWordNewer = publishAt(article(word + " " + word(), Visibility.everyone(), List.of(), null),
				now.minus(Duration.ofHours(1)));
		ArticleDraft bothWordsOlder = publishAt(
				article(other + " " + word + " " + word(), Visibility.everyone(), List.of(), null),
				now.minus(Duration.ofHours(3)));
		ArticleDraft bothWordsNewer = publishAt(
				article(word + " " + other + " " + word(), Visibility.everyone(), List.of(), null),
				now.minus(Duration.ofHours(2)));

		assertThat(relatedTitles(source)).containsExactly(bothWordsNewer.title(), bothWordsOlder.title(),
				oneWordNewer.title());
	}

	@Test
	void eachRelatedArticleShowsItsTitleDekAndBadgeAndNoText() {
		Tag tag = tag();
		ArticleDraft source = publish(article(word(), Visibility.paid(), List.of(tag), null));
		List<ArticleDraft> related = new ArrayList<>();
		for (Visibility visibility : List.of(Visibility.everyone(), Visibility.members(), Visibility.paid(),
				Visibility.tiers(Set.of("gold", "silver")))) {
			related.add(publish(article(word(), visibility, List.of(tag), null)));
		}

		Element list = relatedList(source);

		assertThat(list.select("li")).hasSize(4);
		for (ArticleDraft article : related) {
			Element item = list.select("li:has(a[href=/p/" + article.slug() + "])").first();
			assertThat(item.select("a").text()).isEqualTo(article.title());
			assertThat(item.select(".dek").text()).isEqualTo(article.dek());
		}
		assertThat(list.select("span.badge").eachText()).containsExactly("Gold or Silver", "Paid", "Members", "Free");
		assertThat(list.text()).doesNotContain("paragraph");
	}

	@Test
	void aWordOnlyInAnotherArticlesGatedPartRelatesNothing() {
		String word = word();
		ArticleDraft source = publish(article(word, Visibility.everyone(), List.of(), null));
		ArticleDraft gatedMention = article(word(), Visibility.members(), List.of(), null);
		gatedMention = publish(withBody(gatedMention, "A free paragraph about " + word() + ".\n\n<!-- paywall -->\n\n"
				+ "The gated paragraph names " + word + " twice: " + word + "."));
		ArticleDraft titleMention = publish(article(word + " " + word(), Visibility.members(), List.of(), null));

		Document page = new Visitor(port).get("/p/" + source.slug()).document();

		assertThat(page.select(".related a").eachText()).containsExactly(titleMention.title())
			.doesNotContain(gatedMention.title());
		assertThat(page.select(".related").text()).doesNotContain("gated paragraph");
	}

	@Test
	void theArticleItselfDraftsAndScheduledArticlesAreNeverRelated() {
		Tag tag = tag();
		ArticleDraft source = publish(article(word(), Visibility.everyone(), List.of(tag), null));
		ArticleDraft draft = article(word(), Visibility.everyone(), List.of(tag), null);
		ArticleDraft scheduled = article(word(), Visibility.everyone(), List.of(tag), null);
		publishedHere.add(editor.save(draft));
		long scheduledId = editor.save(scheduled);
		systemPublisher.schedule(scheduledId, clock.instant().plus(Duration.ofHours(2)));
		publishedHere.add(scheduledId);
		ArticleDraft published = publish(article(word(), Visibility.everyone(), List.of(tag), null));

		assertThat(relatedTitles(source)).containsExactly(published.title());

		clock.advance(Duration.ofHours(3));

		assertThat(relatedTitles(source)).containsExactly(scheduled.title(), published.title());
	}

	@Test
	void aNewlyPublishedArticleJoinsTheListAtOnce() {
		Tag tag = tag();
		ArticleDraft source = publish(article(word(), Visibility.everyone(), List.of(tag), null));
		assertThat(new Visitor(port).get("/p/" + source.slug()).document().select(".related")).isEmpty();

		ArticleDraft later = publish(article(word(), Visibility.everyone(), List.of(tag), null));

		assertThat(relatedTitles(source)).containsExactly(later.title());
	}

	private List<String> relatedTitles(ArticleDraft source) {
		return relatedList(source).select("li h3 a").eachText();
	}

	private Element relatedList(ArticleDraft source) {
		Visitor.Page page = new Visitor(port).get("/p/" + source.slug());
		assertThat(page.status()).isEqualTo(200);
		Element list = page.document().selectFirst("aside.related");
		assertThat(list).as("related articles under " + source.slug()).isNotNull();
		return list;
	}

	/**
	 * A tag named with a made-up word, so its name relates only articles that carry it.
	 */
	private Tag tag() {
		return taxonomyCreator.createTag(ArticleFixtures.unique("related"), word());
	}

	/**
	 * A draft titled {@code titleWords} with a made-up word as its dek, so it shares no
	 * words by chance.
	 */
	private ArticleDraft article(String titleWords, Visibility visibility, List<Tag> tags,
			@Nullable Storyline storyline) {
		String slug = ArticleFixtures.unique("related");
		return new ArticleDraft(null, slug, titleWords, word(),
				"Free paragraph of " + slug + ".\n\n<!-- paywall -->\n\nGated paragraph of " + slug + ".",
				List.of(fixtures.author().slug()), tags.stream().map(Tag::slug).toList(),
				storyline == null ? null : storyline.slug(), null, null, visibility);
	}

	private static ArticleDraft withBody(ArticleDraft d, String body) {
		return new ArticleDraft(d.id(), d.slug(), d.title(), d.dek(), body, d.authorSlugs(), d.tagSlugs(),
				d.storylineSlug(), d.storylinePosition(), d.coverImageUrl(), d.visibility());
	}

	private ArticleDraft publish(ArticleDraft draft) {
		long id = fixtures.publish(draft);
		publishedHere.add(id);
		return draft.withId(id);
	}

	private ArticleDraft publishAt(ArticleDraft draft, Instant at) {
		long id = editor.save(draft);
		systemPublisher.publish(id, at);
		publishedHere.add(id);
		return draft.withId(id);
	}

	/**
	 * A made-up word no other article has: lowercase letters only, so the stemmer keeps
	 * it whole enough.
	 */
	private static String word() {
		StringBuilder word = new StringBuilder("zy");
		ThreadLocalRandom random = ThreadLocalRandom.current();
		for (int i = 0; i < 9; i++) {
			word.append((char) ('a' + random.nextInt(26)));
		}
		return word.toString();
	}

}
