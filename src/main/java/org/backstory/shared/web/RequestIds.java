package org.backstory.shared.web;

import java.util.concurrent.ThreadLocalRandom;

import jakarta.servlet.ServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * The id each request carries through the logs ({@value #MDC_KEY} in the MDC), the
 * {@value #HEADER} response header and the error page, so a reader who quotes it can be
 * found in the logs. A trusted proxy's own id is kept when it is {@link #valid};
 * otherwise the app makes one.
 */
public final class RequestIds {

	/** The request and response header. */
	public static final String HEADER = "X-Request-Id";

	/** The key in the logging MDC, and so in JSON log lines. */
	public static final String MDC_KEY = "requestId";

	/** The request attribute holding the id. */
	public static final String ATTRIBUTE = RequestIds.class.getName();

	/** The longest id taken from a proxy. */
	static final int LONGEST = 64;

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private RequestIds() {
	}

	/** The request's id, if the request went through the app's front door. */
	public static @Nullable String of(ServletRequest request) {
		return request.getAttribute(ATTRIBUTE) instanceof String id ? id : null;
	}

	/**
	 * Whether a proxy's id may be used as it is: 1 to {@value #LONGEST} letters, digits,
	 * dots, dashes, underscores or colons (a UUID, nginx's {@code $request_id}), nothing
	 * that could forge a log line or a header.
	 */
	public static boolean valid(@Nullable String id) {
		if (id == null || id.isEmpty() || id.length() > LONGEST) {
			return false;
		}
		for (int i = 0; i < id.length(); i++) {
			char c = id.charAt(i);
			boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
					|| c == '_' || c == '.' || c == ':';
			if (!allowed) {
				return false;
			}
		}
		return true;
	}

	/**
	 * A new id: 64 random bits as 16 hex digits. Unique enough to find one request among
	 * a day's logs of several nodes; not a secret, so no secure random is needed.
	 */
	public static String generate() {
		long bits = ThreadLocalRandom.current().nextLong();
		char[] digits = new char[16];
		for (int i = 15; i >= 0; i--) {
			digits[i] = HEX[(int) (bits & 0xf)];
			bits >>>= 4;
		}
		return new String(digits);
	}

}
