package org.backstory.shared.web;

import org.jspecify.annotations.Nullable;

/**
 * Where to send a reader after sign-in, sign-up or checkout, taken from a {@code next}
 * parameter. Only paths on this site are accepted, so the parameter cannot be used to
 * bounce a reader to another host.
 */
public final class SafeRedirect {

	private SafeRedirect() {
	}

	/**
	 * {@code next} when it is a local path such as {@code /p/some-article}, otherwise
	 * {@code fallback}.
	 */
	public static String localPathOr(@Nullable String next, String fallback) {
		if (next == null || next.isEmpty() || next.length() > 2000) {
			return fallback;
		}
		boolean local = next.startsWith("/") && !next.startsWith("//") && next.indexOf('\\') < 0
				&& next.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
		return local ? next : fallback;
	}

}
