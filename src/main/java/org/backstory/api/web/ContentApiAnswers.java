package org.backstory.api.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ghost's envelopes: a browse always carries {@code meta.pagination} (Ghost's client turns a one-item array
 * without {@code meta} into a single object, which is how a read answers), a read carries none, and the
 * headers every answer has ({@code Cache-Control: public, max-age=0}, an ETag answered with 304).
 */
final class ContentApiAnswers {

	private final JsonMapper json;

	ContentApiAnswers(JsonMapper json) {
		this.json = json;
	}

	JsonAnswer browse(String resource, List<?> items, BrowseParameters parameters, int total) {
		int pages = Math.max(1, (total + parameters.limit() - 1) / parameters.limit());
		Map<String, Object> pagination = new LinkedHashMap<>();
		pagination.put("page", parameters.page());
		pagination.put("limit", parameters.limit());
		pagination.put("pages", pages);
		pagination.put("total", total);
		pagination.put("next", parameters.page() < pages ? parameters.page() + 1 : null);
		pagination.put("prev", parameters.page() > 1 ? parameters.page() - 1 : null);
		Map<String, Object> envelope = new LinkedHashMap<>();
		envelope.put(resource, items);
		envelope.put("meta", Map.of("pagination", pagination));
		return write(envelope);
	}

	JsonAnswer read(String resource, Object item) {
		return write(Map.of(resource, List.of(item)));
	}

	JsonAnswer object(String resource, Object value) {
		Map<String, Object> envelope = new LinkedHashMap<>();
		envelope.put(resource, value);
		envelope.put("meta", Map.of());
		return write(envelope);
	}

	JsonAnswer write(Object value) {
		return JsonAnswer.of(json.writeValueAsBytes(value));
	}

	static ResponseEntity<byte[]> respond(HttpServletRequest request, JsonAnswer answer, String cacheControl) {
		String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
		if (ifNoneMatch != null && matches(ifNoneMatch, answer.etag())) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
				.header(HttpHeaders.ETAG, answer.etag())
				.header(HttpHeaders.CACHE_CONTROL, cacheControl)
				.build();
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("application", "json", java.nio.charset.StandardCharsets.UTF_8))
			.header(HttpHeaders.ETAG, answer.etag())
			.header(HttpHeaders.CACHE_CONTROL, cacheControl)
			.body(answer.body());
	}

	private static boolean matches(String ifNoneMatch, String etag) {
		String bare = etag.substring(2);
		for (String candidate : ifNoneMatch.split(",")) {
			String tag = candidate.strip();
			if (tag.equals("*") || tag.equals(etag) || tag.equals(bare)) {
				return true;
			}
		}
		return false;
	}

}
