package org.backstory.site;

import java.util.Optional;
import java.util.function.UnaryOperator;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.view.RedirectView;

/** A 301 to a page of this site, for old slugs. */
final class MovedPermanently {

	private MovedPermanently() {
	}

	static RedirectView to(String localPath) {
		RedirectView redirect = new RedirectView(localPath, true);
		redirect.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
		redirect.setExposeModelAttributes(false);
		return redirect;
	}

	/**
	 * For a slug that names nothing now: a 301 to {@code pathOf} the slug it was renamed
	 * or merged into, or the 404 page when it never named anything.
	 */
	static RedirectView toCurrentOrNotFound(Optional<String> currentSlug, UnaryOperator<String> pathOf) {
		return currentSlug.map(current -> to(pathOf.apply(current)))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
