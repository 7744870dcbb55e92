package org.backstory.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.view.RedirectView;

/**
 * What every module's pages answer alike: personal responses and redirects after a
 * change.
 */
public final class Responses {

	private Responses() {
	}

	/** Marks a response as personal: no shared cache may keep it. */
	public static void personal(HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
	}

	/**
	 * A 303 redirect to a local path taken literally (a {@code next} parameter may
	 * contain braces, which must not be read as URI template variables).
	 */
	public static RedirectView seeOther(String localPath) {
		RedirectView view = new RedirectView(localPath, true);
		view.setExpandUriTemplateVariables(false);
		view.setExposeModelAttributes(false);
		view.setStatusCode(HttpStatus.SEE_OTHER);
		return view;
	}

}
