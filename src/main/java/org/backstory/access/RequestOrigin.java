package org.backstory.access;

import org.jspecify.annotations.Nullable;

/**
 * Where a page request comes from, as far as the access decision cares: the client (for
 * crawler verification) and the anonymous meter's cookie.
 *
 * @param clientAddress the client's IP address as the app sees it, after the trusted
 * proxies' forwarded headers
 * @param userAgent the {@code User-Agent} header, or null
 * @param meterCookie the value of the {@link #METER_COOKIE} cookie, or null
 * @param freeReadAsked whether the request carries {@link #FREE_READ_PARAMETER}: the
 * reader followed the paywall box's offer to read the article through the anonymous meter
 */
public record RequestOrigin(String clientAddress, @Nullable String userAgent, @Nullable String meterCookie,
		boolean freeReadAsked) {

	/** The anonymous meter's cookie, which the page passes on as {@link #meterCookie}. */
	public static final String METER_COOKIE = AnonymousMeter.COOKIE;

	/** The query parameter of the paywall box's free-read link. */
	public static final String FREE_READ_PARAMETER = PaywallBoxes.FREE_READ_PARAMETER;

	/** A request without a meter cookie. */
	public RequestOrigin(String clientAddress, @Nullable String userAgent) {
		this(clientAddress, userAgent, null, false);
	}

}
