package org.backstory.access;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import org.backstory.shared.SecretSeal;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The browser id a gift link counts its browsers by: 128 random bits the server mints and
 * keeps in an HttpOnly cookie, sealed with the app's secret seal, so neither a page
 * script nor a reader can make one up (a cookie the server did not mint counts as none).
 * Clearing the cookie makes a new browser, which the link's browser limit counts.
 */
@Component
public class GiftBrowsers {

	/** The cookie's name. */
	public static final String COOKIE = "backstory_gift_browser";

	private static final String CONTEXT = "gift-browser";

	private static final Duration LIFETIME = Duration.ofDays(400);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretSeal seal;

	GiftBrowsers(SecretSeal seal) {
		this.seal = seal;
	}

	/** A browser: its id, and the cookie value that carries it. */
	public record Browser(byte[] id, String cookieValue) {
	}

	/**
	 * The browser whose cookie this is; a new one (whose cookie the response must set)
	 * when there is no cookie or it is not one the server minted.
	 */
	public Browser of(@Nullable String cookieValue) {
		return idIn(cookieValue).map(id -> new Browser(id, cookieValue)).orElseGet(this::mint);
	}

	/**
	 * The Set-Cookie header value for {@code browser}: HttpOnly, SameSite=Lax, whole
	 * site.
	 */
	public String setCookie(Browser browser, boolean secure) {
		return ResponseCookie.from(COOKIE, browser.cookieValue())
			.httpOnly(true)
			.secure(secure)
			.sameSite("Lax")
			.path("/")
			.maxAge(LIFETIME)
			.build()
			.toString();
	}

	private Optional<byte[]> idIn(@Nullable String cookieValue) {
		if (cookieValue == null || cookieValue.length() > 100) {
			return Optional.empty();
		}
		try {
			return seal.open(CONTEXT, Base64.getUrlDecoder().decode(cookieValue)).filter(id -> id.length == 16);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private Browser mint() {
		byte[] id = new byte[16];
		RANDOM.nextBytes(id);
		return new Browser(id, Base64.getUrlEncoder().withoutPadding().encodeToString(seal.seal(CONTEXT, id)));
	}

}
