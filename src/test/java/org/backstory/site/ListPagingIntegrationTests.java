package org.backstory.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.backstory.Visitor;
import org.backstory.publishing.ArticleDraft;
import org.backstory.publishing.ArticleEditor;
import org.backstory.publishing.ArticleFixtures;
import org.backstory.publishing.Author;
import org.backstory.publishing.Storyline;
import org.backstory.publishing.SystemPublisher;
import org.backstory.publishing.Tag;
import org.backstory.publishing.TaxonomyCreator;
import org.backstory.publishing.Visibility;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The tag, author and storyline pages in pages of {@value ListPage#PAGE_SIZE}:
 * {@code ?page=N}, {@code rel=prev/next} in the head and the pager, "– page N" in the
 * title from page 2, a page past the last 404, a page that is no number 400. One
 * storyline of 22 parts, each with the same tag and author, serves every list.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListPagingIntegrationTests {

	private static final int PARTS = ListPage.PAGE_SIZE + 2;

	@LocalServerPort
	int port;

	@Autowired
	ArticleEditor editor;

	@Autowired
	TaxonomyCreator taxonomyCreator;

	@Autowired
	SystemPublisher systemPublisher;

	private final List<Long> publishedHere = new ArrayList<>();

	private final List<ArticleDraft> parts = new ArrayList<>();

	private Storyline story;

	private Tag tag;

	private Author author;

	@BeforeAll
	void publishAStoryOfTwentyTwoParts() {
		ArticleFixtures fixtures = new ArticleFixtures(editor, systemPublisher, taxonomyCreator);
		story = fixtures.storyline();
		tag = fixtures.tag();
		author = fixtures.author();
		// Saved last part first, so the story order is not the order of publication.
		for (int part = PARTS; part >= 1; part--) {
			ArticleDraft d = fixtures.draft(part % 2 == 0 ? Visibility.paid() : Visibility.everyone());
			ArticleDraft draft = new ArticleDraft(null, d.slug(), d.title(), d.dek(), d.bodyMarkdown(),
					List.of(author.slug()), List.of(tag.slug()), story.slug(), part, null, d.visibility());
			long id = fixtures.publish(draft);
			publishedHere.add(id);
			parts.add(0, draft.withId(id));
		}
	}

	@AfterAll
	void unpublish() {
		publishedHere.forEach(systemPublisher::unpublish);
	}

	@Test
	void theStorylinePagesKeepStoryOrderAndTheirPartNumbersRunOn() {
		Document first = page("/story/" + story.slug());
		Document second = page("/story/" + story.slug() + "?page=2");

		assertThat(first.select("ol.timeline > li h2 a").eachText())
			.containsExactlyElementsOf(titles(0, ListPage.PAGE_SIZE));
		assertThat(second.select("ol.timeline > li h2 a").eachText())
			.containsExactlyElementsOf(titles(ListPage.PAGE_SIZE, PARTS));
		assertThat(second.select("ol.timeline > li .meta").eachText()).satisfiesExactly(
				meta -> assertThat(meta).startsWith("Part 21 ·"), meta -> assertThat(meta).startsWith("Part 22 ·"));
		assertThat(second.select("ol.timeline").attr("start")).isEqualTo("21");
		assertThat(second.select(".listing-header .kicker").text()).isEqualTo("Storyline · 22 parts");
		assertThat(second.select("ol.timeline > li").get(1).select("span.lock").text()).isEqualTo("Paid");
		assertThat(page("/p/" + parts.get(PARTS - 1).slug()).select(".article-header .kicker a").text())
			.isEqualTo("Part 22 of " + story.title());
	}

	@Test
	void everyPagedListLinksItsNeighboursAndTitlesItsLaterPages() {
		for (String path : List.of("/story/" + story.slug(), "/tag/" + tag.slug(), "/author/" + author.slug())) {
			Document first = page(path);
			Document second = page(path + "?page=2");

			assertThat(first.select("head link[rel=prev]")).as(path).isEmpty();
			assertThat(first.select("head link[rel=next]").attr("href")).as(path).isEqualTo(path + "?page=2");
			assertThat(first.select(".pager a[rel=next]").attr("href")).as(path).isEqualTo(path + "?page=2");
			assertThat(first.title()).as(path).doesNotContain("page");
			assertThat(second.select("head link[rel=prev]").attr("href")).as(path).isEqualTo(path);
			assertThat(second.select("head link[rel=next]")).as(path).isEmpty();
			assertThat(second.select(".pager a[rel=prev]").attr("href")).as(path).isEqualTo(path);
			assertThat(second.title()).as(path).contains(" – page 2 – ");
		}
	}

	@Test
	void theTagAndAuthorListsAreNewestFirstAcrossPages() {
		for (String path : List.of("/tag/" + tag.slug(), "/author/" + author.slug())) {
			List<String> shown = new ArrayList<>(page(path).select(".article-list h2 a").eachText());
			shown.addAll(page(path + "?page=2").select(".article-list h2 a").eachText());

			assertThat(shown).as(path).containsExactlyElementsOf(titles(0, PARTS));
		}
	}

	@Test
	void aPagePastTheLastIs404AndAPageThatIsNoNumber400() {
		for (String path : List.of("/story/" + story.slug(), "/tag/" + tag.slug(), "/author/" + author.slug())) {
			assertThat(new Visitor(port).get(path + "?page=3").status()).as(path).isEqualTo(404);
			assertThat(new Visitor(port).get(path + "?page=0").status()).as(path).isEqualTo(404);
			assertThat(new Visitor(port).get(path + "?page=-1").status()).as(path).isEqualTo(404);
			Visitor.Page notANumber = new Visitor(port).get(path + "?page=two");
			assertThat(notANumber.status()).as(path).isEqualTo(400);
			assertThat(notANumber.document().select("header.masthead")).as(path).hasSize(1);
		}
	}

	/**
	 * The titles of parts {@code from} (inclusive) to {@code to} (exclusive), in story
	 * order.
	 */
	private List<String> titles(int from, int to) {
		return IntStream.range(from, to).mapToObj(i -> parts.get(i).title()).toList();
	}

	private Document page(String path) {
		Visitor.Page page = new Visitor(port).get(path);
		assertThat(page.status()).as(path).isEqualTo(200);
		return page.document();
	}

}
