package org.backstory.members;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import org.backstory.shared.StartRefused;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who may read the Prometheus metrics: the owner, signed in, or a scraper that sends
 * {@code Authorization: Bearer} with the token in {@code BACKSTORY_METRICS_TOKEN}. The
 * token is kept only as its SHA-256 and compared in constant time; a scrape creates no
 * session. Without a token only the owner reads them, as every other actuator endpoint
 * but health.
 */
final class MetricsScrapeAccess implements AuthorizationManager<RequestAuthorizationContext> {

	static final int SHORTEST_TOKEN = 32;

	private static final String BEARER = "Bearer ";

	private final byte @Nullable [] tokenHash;

	private final AuthorizationManager<RequestAuthorizationContext> owner = AuthorityAuthorizationManager
		.hasRole(MemberRole.OWNER.name());

	/**
	 * @throws StartRefused when a token is set but shorter than {@value #SHORTEST_TOKEN}
	 * characters
	 */
	MetricsScrapeAccess(@Nullable String token) {
		if (token == null || token.isBlank()) {
			this.tokenHash = null;
			return;
		}
		if (token.strip().length() < SHORTEST_TOKEN) {
			throw new StartRefused("BACKSTORY_METRICS_TOKEN is shorter than " + SHORTEST_TOKEN + " characters.",
					"Set it to a long random value, e.g. the output of `openssl rand -hex 32`, or leave it empty.");
		}
		this.tokenHash = sha256(token.strip());
	}

	@Override
	public AuthorizationResult authorize(Supplier<? extends @Nullable Authentication> authentication,
			RequestAuthorizationContext context) {
		if (tokenHash != null && bearerMatches(context.getRequest())) {
			return new AuthorizationDecision(true);
		}
		return owner.authorize(authentication, context);
	}

	private boolean bearerMatches(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return false;
		}
		return MessageDigest.isEqual(sha256(header.substring(BEARER.length()).strip()), tokenHash);
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
