package org.backstory.api.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ghost's envelopes: a browse always carries {@code meta.pagination} (Ghost's client
 * turns a one-item array without {@code meta} into a single object, which is how a read
 * answers), a read carries none, and the headers every answer has
 * ({@code Cache-Control: public, max-age=0}, an ETag answered with 304).
 */
final class ContentApiAnswers {

	private static final String JSON_UTF8 = "application/json; charset=utf-8";

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

	/**
	 * Writes the answer straight to the response (no message converter: the bytes are
	 * ready), gzipped when the client accepts it (browsers and Ghost's client do), or 304
	 * when the client holds this version.
	 */
	static void respond(HttpServletRequest request, HttpServletResponse response, JsonAnswer answer,
			String cacheControl) throws IOException {
		response.setHeader(HttpHeaders.ETAG, answer.etag());
		response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
		String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
		if (ifNoneMatch != null && matches(ifNoneMatch, answer.etag())) {
			response.setStatus(HttpStatus.NOT_MODIFIED.value());
			return;
		}
		response.setContentType(JSON_UTF8);
		byte[] body = answer.body();
		if (acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING))) {
			body = answer.gzipped();
			response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
		}
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	private static boolean acceptsGzip(@Nullable String acceptEncoding) {
		return acceptEncoding != null && acceptEncoding.toLowerCase(Locale.ROOT).contains("gzip")
				&& !acceptEncoding.toLowerCase(Locale.ROOT).contains("gzip;q=0");
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
