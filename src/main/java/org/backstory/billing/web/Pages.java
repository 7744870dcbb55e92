package org.backstory.billing.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.view.RedirectView;

/** What billing's controllers share: private responses, safe redirects, dates as readers read them. */
final class Pages {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private Pages() {
	}

	/** Marks a response as personal: no shared cache may keep it. */
	static void personal(HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
	}

	/**
	 * A 303 redirect to a local path taken literally (a {@code next} parameter may contain braces, which
	 * must not be read as URI template variables).
	 */
	static RedirectView redirectTo(String localPath) {
		RedirectView view = new RedirectView(localPath, true);
		view.setExpandUriTemplateVariables(false);
		view.setExposeModelAttributes(false);
		view.setStatusCode(HttpStatus.SEE_OTHER);
		return view;
	}

	/** {@code page} (the login or sign-up page) with {@code next}, to come back to a local path afterwards. */
	static String signIn(String page, String next) {
		return page + "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
	}

	static String date(Instant instant) {
		return DATE.format(instant);
	}

	/** The attempt id a form carried; a malformed one is a bad request. */
	static UUID attemptId(String attempt) {
		try {
			return UUID.fromString(attempt);
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "malformed attempt id");
		}
	}

}
