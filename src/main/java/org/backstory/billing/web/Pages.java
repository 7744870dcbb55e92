package org.backstory.billing.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.backstory.shared.Dates;
import org.backstory.shared.web.SafeRedirect;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * What billing's controllers share: sign-in links that come back, dates as readers read
 * them.
 */
final class Pages {

	private Pages() {
	}

	/**
	 * {@code page} (the login or sign-up page) with {@code next}, to come back to a local
	 * path afterwards; without it when {@code next} is no path {@link SafeRedirect} would
	 * follow (a path made of a 10,000-character token would not even fit in the
	 * redirect's headers).
	 */
	static String signIn(String page, String next) {
		String back = SafeRedirect.localPathOr(next, "");
		return back.isEmpty() ? page : page + "?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8);
	}

	static String date(Instant instant) {
		return Dates.readerDate(instant);
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
