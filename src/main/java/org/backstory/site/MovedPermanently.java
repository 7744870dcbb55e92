package org.backstory.site;

import org.springframework.http.HttpStatus;
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

}
