package org.backstory.api.web;

import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.backstory.api.AdminKey;
import org.backstory.api.Integrations;
import org.backstory.members.MemberRole;
import org.backstory.members.SignedInMember;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who an Admin API call acts as: the integration whose key signed its
 * {@code Authorization: Ghost <jwt>} token ({@link AdminToken}), as a staff member with
 * the role the owner gave it. No token is Ghost's 403; a token that fails is 400 or 401,
 * each in Ghost's envelope.
 */
@Component
class AdminApiAuth {

	private static final Pattern GHOST_SCHEME = Pattern.compile("(?i)^Ghost\\s+(\\S+)\\s*$");

	private final Integrations integrations;

	private final AdminToken tokens;

	private final Clock clock;

	AdminApiAuth(Integrations integrations, JsonMapper json, Clock clock) {
		this.integrations = integrations;
		this.tokens = new AdminToken(json);
		this.clock = clock;
	}

	/** The staff member the call acts as. */
	SignedInMember caller(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		Matcher matcher = header == null ? null : GHOST_SCHEME.matcher(header);
		if (matcher == null || !matcher.matches()) {
			throw new GhostError(HttpStatus.FORBIDDEN, "NoPermissionError", "Authorization failed",
					"Unable to determine the authenticated user or integration. Check that cookies are being passed "
							+ "through if using session authentication.",
					null);
		}
		AdminKey key = tokens.verify(matcher.group(1), integrations::adminKey, clock.instant());
		return key.actor();
	}

	/** The caller, refused unless its role is at least {@code least}. */
	SignedInMember caller(HttpServletRequest request, MemberRole least, String action) {
		SignedInMember caller = caller(request);
		if (!caller.role().atLeast(least)) {
			throw noPermission(action);
		}
		return caller;
	}

	static GhostError noPermission(String action) {
		return new GhostError(HttpStatus.FORBIDDEN, "NoPermissionError",
				"You do not have permission to " + action + ".", null, null);
	}

}
