package org.backstory.api.web;

import jakarta.servlet.http.HttpServletRequest;
import org.backstory.api.Integrations;
import org.springframework.http.HttpStatus;

/** A Content API call's {@code ?key=}, checked as Ghost checks it. */
final class ContentKeyCheck {

	private final Integrations integrations;

	ContentKeyCheck(Integrations integrations) {
		this.integrations = integrations;
	}

	/**
	 * Refuses the call unless it carries one key of an active integration: none is 403,
	 * two are 400, an unknown or revoked one is 401.
	 */
	void check(HttpServletRequest request) {
		String[] keys = request.getParameterValues("key");
		if (keys == null || keys.length == 0 || keys[0].isEmpty()) {
			throw new GhostError(HttpStatus.FORBIDDEN, "NoPermissionError", "Authorization failed",
					GhostError.NO_KEY_CONTEXT, null);
		}
		if (keys.length > 1) {
			throw new GhostError(HttpStatus.BAD_REQUEST, "BadRequestError", "Multiple values for key.",
					"Only one Content API key may be given.", "INVALID_REQUEST");
		}
		if (integrations.byContentKey(keys[0]).isEmpty()) {
			throw new GhostError(HttpStatus.UNAUTHORIZED, "UnauthorizedError", "Unknown Content API Key", null,
					"UNKNOWN_CONTENT_API_KEY");
		}
	}

}
