package org.backstory.site;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.backstory.access.Reader;
import org.backstory.publishing.Article;
import org.backstory.publishing.ArticleCatalog;
import org.backstory.publishing.ArticleFilter;
import org.backstory.publishing.ArticleOrder;
import org.backstory.publishing.ArticleSummary;
import org.backstory.publishing.Author;
import org.backstory.publishing.Publication;
import org.backstory.publishing.PublicationService;
import org.backstory.publishing.Storyline;
import org.backstory.publishing.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public RSS feeds: the site's latest articles, and each tag's, author's and
 * storyline's, all read as an anonymous reader (gated articles as previews, whoever
 * fetches them). Old tag and storyline slugs answer 301 to the current feed, as their
 * pages do; unknown slugs are a 404. Every answer carries an entity tag and a date, so a
 * feed reader's conditional GET is answered 304 without a body. Members' private feeds
 * are {@link PrivateFeedController}'s.
 */
@Controller
class FeedController {

	private final ArticleCatalog catalog;

	private final FeedBuilder builder;

	private final FeedVersions versions;

	private final PublicationService publications;

	FeedController(ArticleCatalog catalog, FeedBuilder builder, FeedVersions versions,
			PublicationService publications) {
		this.catalog = catalog;
		this.builder = builder;
		this.versions = versions;
		this.publications = publications;
	}

	@GetMapping("/feed.xml")
	ResponseEntity<String> feed() {
		return answer(builder.site(Reader.anonymous(), "/feed.xml"), "/feed.xml");
	}

	@GetMapping("/tag/{slug}/feed.xml")
	Object tagFeed(@PathVariable String slug) {
		Optional<Tag> tag = catalog.tag(slug);
		if (tag.isEmpty()) {
			return MovedPermanently.toCurrentOrNotFound(catalog.tagMovedTo(slug),
					current -> "/tag/" + current + "/feed.xml");
		}
		Publication publication = publications.publication();
		FeedChannel channel = new FeedChannel(tag.get().name() + " – " + publication.name(),
				ListingDescriptions.tag(tag.get(), publication.name()), "/tag/" + slug, "/tag/" + slug + "/feed.xml");
		return publicFeed(channel, () -> matching(new ArticleFilter.TagIn(Set.of(slug), false)));
	}

	@GetMapping("/author/{slug}/feed.xml")
	ResponseEntity<String> authorFeed(@PathVariable String slug) {
		Author author = catalog.author(slug).orElseThrow(FeedController::notFound);
		Publication publication = publications.publication();
		FeedChannel channel = new FeedChannel(author.name() + " – " + publication.name(),
				ListingDescriptions.author(author, publication.name()), "/author/" + slug,
				"/author/" + slug + "/feed.xml");
		return publicFeed(channel, () -> matching(new ArticleFilter.AuthorIn(Set.of(slug), false)));
	}

	@GetMapping("/story/{slug}/feed.xml")
	Object storylineFeed(@PathVariable String slug) {
		Optional<Storyline> storyline = catalog.storyline(slug);
		if (storyline.isEmpty()) {
			return MovedPermanently.toCurrentOrNotFound(catalog.storylineMovedTo(slug),
					current -> "/story/" + current + "/feed.xml");
		}
		Publication publication = publications.publication();
		FeedChannel channel = new FeedChannel(storyline.get().title() + " – " + publication.name(),
				ListingDescriptions.storyline(storyline.get(), publication.name()), "/story/" + slug,
				"/story/" + slug + "/feed.xml");
		return publicFeed(channel, () -> inStoryline(slug));
	}

	private ResponseEntity<String> publicFeed(FeedChannel channel, Supplier<List<Article>> articles) {
		return answer(builder.feed(channel, Reader.anonymous(), articles),
				Objects.requireNonNull(channel.selfPath(), "a public feed has an address of its own"));
	}

	private ResponseEntity<String> answer(RenderedFeed feed, String address) {
		return feed.answer(versions.lastModified(address, feed.etag()));
	}

	private List<Article> matching(ArticleFilter filter) {
		return catalog.find(filter, ArticleOrder.newestFirst(), FeedBuilder.ITEMS, 0).articles();
	}

	/**
	 * The storyline's latest parts, newest first like every feed (its page lists them in
	 * story order).
	 */
	private List<Article> inStoryline(String slug) {
		List<Long> ids = catalog.inStoryline(slug)
			.stream()
			.sorted(Comparator.comparing(ArticleSummary::publishedAt).reversed())
			.limit(FeedBuilder.ITEMS)
			.map(ArticleSummary::id)
			.toList();
		return ids.isEmpty() ? List.of() : matching(new ArticleFilter.IdIn(Set.copyOf(ids)));
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}

}
