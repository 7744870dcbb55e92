package org.backstory.site;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.publishing.ArticleCatalog;
import org.backstory.publishing.ArticleLookup;
import org.backstory.publishing.Publication;
import org.backstory.publishing.PublicationService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * Generated share images: an article's (title and publication name) and a tag's, author's
 * or storyline's (their name, what they are, and the publication name). Only what is on
 * the site has one: an unknown slug is a 404, an article's old slug answers 301 to the
 * current image. The picture is the same for everyone and changes only with what it
 * shows, so a CDN may keep it for a day ({@code ?v=} in the cards' addresses changes with
 * it).
 */
@Controller
class ShareImageController {

	static final String CACHE = "public, max-age=86400";

	private final ArticleCatalog catalog;

	private final PublicationService publications;

	private final ShareCards cards;

	private final ShareImages images;

	ShareImageController(ArticleCatalog catalog, PublicationService publications, ShareCards cards,
			ShareImages images) {
		this.catalog = catalog;
		this.publications = publications;
		this.cards = cards;
		this.images = images;
	}

	@GetMapping("/share/p/{slug}.png")
	Object article(@PathVariable String slug, HttpServletResponse response) {
		ArticleLookup lookup = catalog.bySlug(slug).orElseThrow(ShareImageController::notFound);
		if (lookup instanceof ArticleLookup.Moved moved) {
			return MovedPermanently.to("/share/p/" + moved.currentSlug() + ".png");
		}
		return png(cards.articleDrawing(((ArticleLookup.Found) lookup).article(), publications.publication()),
				response);
	}

	@GetMapping("/share/tag/{slug}.png")
	ResponseEntity<byte[]> tag(@PathVariable String slug, HttpServletResponse response) {
		Publication publication = publications.publication();
		return png(cards.tagDrawing(catalog.tag(slug).orElseThrow(ShareImageController::notFound), publication),
				response);
	}

	@GetMapping("/share/author/{slug}.png")
	ResponseEntity<byte[]> author(@PathVariable String slug, HttpServletResponse response) {
		Publication publication = publications.publication();
		return png(cards.authorDrawing(catalog.author(slug).orElseThrow(ShareImageController::notFound), publication),
				response);
	}

	@GetMapping("/share/story/{slug}.png")
	ResponseEntity<byte[]> storyline(@PathVariable String slug, HttpServletResponse response) {
		Publication publication = publications.publication();
		return png(cards.storylineDrawing(catalog.storyline(slug).orElseThrow(ShareImageController::notFound),
				publication), response);
	}

	private ResponseEntity<byte[]> png(ShareDrawing drawing, HttpServletResponse response) {
		// Set on the servlet response, where the reading-cache interceptor put its
		// default before this handler ran.
		response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE);
		return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(images.png(drawing));
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}

}
