package org.backstory.newsletters;

import org.springframework.web.util.HtmlUtils;

/**
 * The per-recipient parts of a newsletter message. Editions are rendered once with
 * placeholders; each message fills them in, which is all the work a message costs beyond
 * handing it to SMTP. A tracked edition also holds the open pixel's placeholder and one
 * per tracked link ({@code %%backstory-click-<position>%%}); an untracked one has none.
 *
 * @param unsubscribeUrl the recipient's signed one-click unsubscribe link
 * @param preferencesUrl the recipient's signed link to choose newsletters
 * @param address the recipient's address
 * @param tracking the recipient's open pixel and click links, signed only when a tracked
 * edition asks for them
 */
record Personalization(String unsubscribeUrl, String preferencesUrl, String address, TrackingUrls tracking) {

	static final String UNSUBSCRIBE_URL = "%%backstory-unsubscribe-url%%";

	static final String PREFERENCES_URL = "%%backstory-preferences-url%%";

	static final String ADDRESS = "%%backstory-recipient-address%%";

	static final String OPEN_URL = "%%backstory-open-url%%";

	static final String CLICK = "%%backstory-click-";

	private static final String END = "%%";

	/** The recipient's own tracking URLs. */
	interface TrackingUrls {

		/** For editions without tracking, which hold no tracking placeholders. */
		TrackingUrls NONE = new TrackingUrls() {
			@Override
			public String open() {
				throw new IllegalStateException("an untracked edition has no open pixel");
			}

			@Override
			public String click(int position) {
				throw new IllegalStateException("an untracked edition has no tracked links");
			}
		};

		String open();

		String click(int position);

	}

	Personalization(String unsubscribeUrl, String preferencesUrl, String address) {
		this(unsubscribeUrl, preferencesUrl, address, TrackingUrls.NONE);
	}

	/** The placeholder of the tracked link at {@code position}. */
	static String click(int position) {
		return CLICK + position + END;
	}

	/**
	 * Fills the placeholders of an HTML body; the address is escaped, the links are
	 * URL-safe already.
	 */
	String html(String body) {
		return fill(body, HtmlUtils.htmlEscape(address));
	}

	/** Fills the placeholders of a plain-text body. */
	String text(String body) {
		return fill(body, address);
	}

	private String fill(String body, String shownAddress) {
		StringBuilder out = new StringBuilder(body.length() + 256);
		int from = 0;
		while (true) {
			int at = body.indexOf("%%backstory-", from);
			if (at < 0) {
				return out.append(body, from, body.length()).toString();
			}
			out.append(body, from, at);
			if (body.startsWith(UNSUBSCRIBE_URL, at)) {
				out.append(unsubscribeUrl);
				from = at + UNSUBSCRIBE_URL.length();
			}
			else if (body.startsWith(PREFERENCES_URL, at)) {
				out.append(preferencesUrl);
				from = at + PREFERENCES_URL.length();
			}
			else if (body.startsWith(ADDRESS, at)) {
				out.append(shownAddress);
				from = at + ADDRESS.length();
			}
			else if (body.startsWith(OPEN_URL, at)) {
				out.append(tracking.open());
				from = at + OPEN_URL.length();
			}
			else if (body.startsWith(CLICK, at) && clickEnd(body, at) > 0) {
				int end = clickEnd(body, at);
				out.append(tracking.click(Integer.parseInt(body, at + CLICK.length(), end, 10)));
				from = end + END.length();
			}
			else {
				out.append("%%");
				from = at + 2;
			}
		}
	}

	/**
	 * Where the digits of a click placeholder at {@code at} end, or -1 when it is not
	 * one.
	 */
	private static int clickEnd(String body, int at) {
		int digits = at + CLICK.length();
		int end = digits;
		while (end < body.length() && end - digits < 9 && body.charAt(end) >= '0' && body.charAt(end) <= '9') {
			end++;
		}
		return end > digits && body.startsWith(END, end) ? end : -1;
	}

}
