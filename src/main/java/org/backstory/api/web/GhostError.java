package org.backstory.api.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A refusal in Ghost's terms, answered in Ghost's error envelope: the status, Ghost's
 * error type (which Ghost's client turns into the error's {@code name}), a message, a
 * context and Ghost's error code.
 */
final class GhostError extends RuntimeException {

	static final String NO_KEY_CONTEXT = "Unable to determine the authenticated member or integration. Check the supplied "
			+ "Content API Key and ensure cookies are being passed through if member auth is failing.";

	private final HttpStatus status;

	private final String type;

	private final @Nullable String context;

	private final @Nullable String code;

	GhostError(HttpStatus status, String type, String message, @Nullable String context, @Nullable String code) {
		super(message, null, false, false);
		this.status = status;
		this.type = type;
		this.context = context;
		this.code = code;
	}

	static GhostError badRequest(String message, @Nullable String context) {
		return new GhostError(HttpStatus.BAD_REQUEST, "BadRequestError", message, context, null);
	}

	static GhostError notFound(String resource) {
		String name = resource.substring(0, 1).toUpperCase() + resource.substring(1);
		return new GhostError(HttpStatus.NOT_FOUND, "NotFoundError",
				"Resource not found error, cannot read " + resource + ".", name + " not found.", null);
	}

	HttpStatus status() {
		return status;
	}

	String type() {
		return type;
	}

	@Nullable String context() {
		return context;
	}

	@Nullable String code() {
		return code;
	}

}
