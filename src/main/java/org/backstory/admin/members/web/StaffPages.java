package org.backstory.admin.members.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.view.RedirectView;

/** What the member pages share: private responses and redirects after a change. */
final class StaffPages {

	private StaffPages() {
	}

	/** Marks a response as personal data: no shared cache may keep it. */
	static void personal(HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
	}

	/** A 303 redirect to a local path taken literally. */
	static RedirectView redirectTo(String localPath) {
		RedirectView view = new RedirectView(localPath, true);
		view.setExpandUriTemplateVariables(false);
		view.setExposeModelAttributes(false);
		view.setStatusCode(HttpStatus.SEE_OTHER);
		return view;
	}

}
