package org.backstory.site;

import java.util.List;

import org.backstory.publishing.Article;
import org.backstory.publishing.Author;
import org.backstory.publishing.Publication;
import org.backstory.publishing.PublicationService;
import org.backstory.publishing.Storyline;
import org.backstory.publishing.Tag;
import org.backstory.publishing.TagRef;
import org.backstory.shared.BackstoryProperties;
import org.springframework.stereotype.Component;

/**
 * Builds each page's {@link ShareCard} and the {@link ShareDrawing} of its generated
 * image, so the card's image address and the image served there always agree. An article
 * with a social or cover image shares that; any other page shares a generated card at
 * {@code /share/{p|tag|author|story}/{slug}.png}, its address versioned by what it shows
 * so a network that keeps old pictures fetches the new one after an edit.
 */
@Component
class ShareCards {

	private final PublicationService publications;

	private final BackstoryProperties properties;

	ShareCards(PublicationService publications, BackstoryProperties properties) {
		this.publications = publications;
		this.properties = properties;
	}

	ShareCard article(Article article, Publication publication, String canonicalUrl) {
		String image = article.socialImageUrl();
		ShareDrawing drawing = articleDrawing(article, publication);
		String published = ReadingDate.of(article.publishedAt()).iso();
		String modified = ReadingDate.of(StructuredData.modified(article)).iso();
		return new ShareCard("article", article.seoTitle(), article.seoDescription(), canonicalUrl, publication.name(),
				image != null ? absolute(image) : generated("/share/p/" + article.slug() + ".png", drawing),
				image != null ? null : ShareImagePainter.WIDTH, image != null ? null : ShareImagePainter.HEIGHT,
				published, modified, article.tags().stream().map(TagRef::name).toList());
	}

	ShareCard tag(Tag tag) {
		Publication publication = publications.publication();
		return listing("/tag/" + tag.slug(), tag.name(), ListingDescriptions.tag(tag, publication.name()),
				tagDrawing(tag, publication), publication);
	}

	ShareCard author(Author author) {
		Publication publication = publications.publication();
		return listing("/author/" + author.slug(), author.name(),
				ListingDescriptions.author(author, publication.name()), authorDrawing(author, publication),
				publication);
	}

	ShareCard storyline(Storyline storyline) {
		Publication publication = publications.publication();
		return listing("/story/" + storyline.slug(), storyline.title(),
				ListingDescriptions.storyline(storyline, publication.name()), storylineDrawing(storyline, publication),
				publication);
	}

	ShareDrawing articleDrawing(Article article, Publication publication) {
		return new ShareDrawing(null, article.title(), publication.name(), publication.accentColor());
	}

	ShareDrawing tagDrawing(Tag tag, Publication publication) {
		return new ShareDrawing("Topic", tag.name(), publication.name(), publication.accentColor());
	}

	ShareDrawing authorDrawing(Author author, Publication publication) {
		return new ShareDrawing("Author", author.name(), publication.name(), publication.accentColor());
	}

	ShareDrawing storylineDrawing(Storyline storyline, Publication publication) {
		return new ShareDrawing("Storyline", storyline.title(), publication.name(), publication.accentColor());
	}

	private ShareCard listing(String path, String title, String description, ShareDrawing drawing,
			Publication publication) {
		String image = generated("/share" + path + ".png", drawing);
		return new ShareCard("website", title, description, properties.link(path), publication.name(), image,
				ShareImagePainter.WIDTH, ShareImagePainter.HEIGHT, null, null, List.of());
	}

	private String generated(String path, ShareDrawing drawing) {
		return properties.link(path) + "?v=" + drawing.key().substring(0, 12);
	}

	private String absolute(String url) {
		return url.startsWith("/") ? properties.link(url) : url;
	}

}
