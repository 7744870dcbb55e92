package org.backstory.api.web;

import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The Admin API's answers: JSON for staff eyes only, so never stored by a cache (Ghost's
 * private no-store).
 */
final class AdminAnswers {

	private AdminAnswers() {
	}

	static ResponseEntity<byte[]> ok(JsonAnswer answer) {
		return ResponseEntity.ok().headers(headers()).body(answer.body());
	}

	static HttpHeaders headers() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(new MediaType("application", "json", StandardCharsets.UTF_8));
		headers.set(HttpHeaders.CACHE_CONTROL, ContentApiErrors.ERROR_CACHE_CONTROL);
		return headers;
	}

}
