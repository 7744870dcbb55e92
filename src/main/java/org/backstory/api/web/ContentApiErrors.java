package org.backstory.api.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Ghost's error envelope for every refusal of the Content API:
 * {@code {"errors":[{message, context, type, details, property, help, code, id,
 * ghostErrorCode}]}}, with {@code type} (Ghost's client makes it the error's name) and
 * Ghost's no-store caching.
 */
@RestControllerAdvice(assignableTypes = ContentApiController.class)
class ContentApiErrors {

	static final String ERROR_CACHE_CONTROL = "no-cache, private, no-store, must-revalidate, max-stale=0, post-check=0, "
			+ "pre-check=0";

	private static final Logger log = LoggerFactory.getLogger(ContentApiErrors.class);

	@ExceptionHandler(GhostError.class)
	ResponseEntity<Map<String, Object>> refused(GhostError error) {
		return envelope(error.status(), error.type(), error.getMessage(), error.context(), error.code());
	}

	@ExceptionHandler(NqlException.class)
	ResponseEntity<Map<String, Object>> badFilter(NqlException error) {
		log.info("Refused a Content API filter: {}", error.getMessage());
		return envelope(HttpStatus.BAD_REQUEST, "BadRequestError", "Error parsing filter", error.getMessage(), null);
	}

	static ResponseEntity<Map<String, Object>> envelope(HttpStatus status, String type, String message,
			@org.jspecify.annotations.Nullable String context, @org.jspecify.annotations.Nullable String code) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("message", message);
		error.put("context", context);
		error.put("type", type);
		error.put("details", null);
		error.put("property", null);
		error.put("help", null);
		error.put("code", code);
		error.put("id", UUID.randomUUID().toString());
		error.put("ghostErrorCode", null);
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CACHE_CONTROL, ERROR_CACHE_CONTROL)
			.body(Map.of("errors", List.of(error)));
	}

}
