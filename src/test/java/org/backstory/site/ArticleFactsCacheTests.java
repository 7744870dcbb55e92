package org.backstory.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.backstory.publishing.Article;
import org.backstory.publishing.ArticleCatalog;
import org.backstory.publishing.AuthorRef;
import org.backstory.publishing.GatedBody;
import org.backstory.publishing.Publication;
import org.backstory.publishing.PublicationService;
import org.backstory.publishing.StorylineEvents;
import org.backstory.publishing.Visibility;
import org.backstory.shared.BackstoryProperties;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reader-independent page parts are worked out once per article and redone when the
 * article or publication changes.
 */
class ArticleFactsCacheTests {

	private final BackstoryProperties properties = new BackstoryProperties(URI.create("https://news.example"),
			Path.of("data"), null);

	private final PublicationService publications = mock(PublicationService.class);

	private final ArticleFactsCache facts = new ArticleFactsCache(mock(ArticleCatalog.class),
			new StructuredData(JsonMapper.builder().build(), properties), publications, properties,
			new ShareCards(publications, properties), mock(StorylineEvents.class));

	private final Publication publication = new Publication("The Daily", "News", "#123456", null);

	@Test
	void theSameArticleGetsTheSameFacts() {
		given(publications.publication()).willReturn(publication);
		Article article = article("First title");

		assertThat(facts.of(article)).isSameAs(facts.of(article));
		assertThat(facts.of(article).canonicalUrl()).isEqualTo("https://news.example/p/slug");
		assertThat(facts.of(article).lock()).isEqualTo("Paid");
	}

	@Test
	void anEditedArticleGetsNewFacts() {
		given(publications.publication()).willReturn(publication);
		facts.of(article("First title"));

		assertThat(facts.of(article("Second title")).jsonLd()).contains("Second title").doesNotContain("First title");
	}

	@Test
	void aRenamedPublicationGetsNewFacts() {
		Article article = article("Title");
		given(publications.publication()).willReturn(publication);
		facts.of(article);
		given(publications.publication()).willReturn(new Publication("The Weekly", "News", "#123456", null));

		assertThat(facts.of(article).jsonLd()).contains("The Weekly");
	}

	private static Article article(String title) {
		Instant published = Instant.parse("2026-11-01T08:00:00Z");
		return new Article(7, "slug", title, "Dek", List.of(new AuthorRef("ana", "Ana")), List.of(), null, null,
				published, published, Visibility.paid(), "<p>Free</p>", GatedBody.of("<p>Paid</p>"));
	}

}
