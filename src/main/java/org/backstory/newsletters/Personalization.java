package org.backstory.newsletters;

import org.springframework.web.util.HtmlUtils;

/**
 * The per-recipient parts of a newsletter message. Editions are rendered once with
 * placeholders; each message fills them in, which is all the work a message costs beyond
 * handing it to SMTP.
 *
 * @param unsubscribeUrl the recipient's signed one-click unsubscribe link
 * @param preferencesUrl the recipient's signed link to choose newsletters
 * @param address the recipient's address
 */
record Personalization(String unsubscribeUrl, String preferencesUrl, String address) {

	static final String UNSUBSCRIBE_URL = "%%backstory-unsubscribe-url%%";

	static final String PREFERENCES_URL = "%%backstory-preferences-url%%";

	static final String ADDRESS = "%%backstory-recipient-address%%";

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
			else {
				out.append("%%");
				from = at + 2;
			}
		}
	}

}
