package org.backstory.access;

import org.backstory.publishing.Article;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseCookie;

/**
 * An article as one reader may receive it: the only form in which article text leaves the
 * server.
 *
 * @param article the article's metadata (title, byline, ...); its gated body stays closed
 * @param bodyHtml the preview alone for a reader without access; for a reader with
 * access, the preview followed by the gated part (inside
 * {@code <div class="paywalled-content">} when the article is gated)
 * @param complete whether {@code bodyHtml} is the whole article
 * @param paywall the box to show after the preview, or null when complete
 * @param meterNotice for a free member reading through the monthly meter, how many free
 * reads remain
 * @param verifiedCrawler whether it goes whole to a verified search engine crawler: the
 * response is then for that crawler alone, and no shared cache may keep it (the same
 * address serves everyone else the preview)
 * @param meteredAnonymously whether an anonymous reader's meter cookie decided it (read
 * or started): it is then that reader's alone, and no shared cache may keep it
 * @param meterCookie the anonymous meter's cookie to send with it, or null to leave the
 * reader's cookie as it is
 */
public record ReadableArticle(Article article, String bodyHtml, boolean complete, @Nullable PaywallBox paywall,
		@Nullable String meterNotice, boolean verifiedCrawler, boolean meteredAnonymously,
		@Nullable ResponseCookie meterCookie) {

	/** The article as a person or a crawler receives it, the anonymous meter aside. */
	public ReadableArticle(Article article, String bodyHtml, boolean complete, @Nullable PaywallBox paywall,
			@Nullable String meterNotice, boolean verifiedCrawler) {
		this(article, bodyHtml, complete, paywall, meterNotice, verifiedCrawler, false, null);
	}

	/** The article as a person receives it. */
	public ReadableArticle(Article article, String bodyHtml, boolean complete, @Nullable PaywallBox paywall,
			@Nullable String meterNotice) {
		this(article, bodyHtml, complete, paywall, meterNotice, false);
	}

	/**
	 * Whether it is for this reader alone (a verified crawler, or an anonymous reader's
	 * meter), so it must be sent {@code private, no-store}.
	 */
	public boolean personal() {
		return verifiedCrawler || meteredAnonymously;
	}

	ReadableArticle toVerifiedCrawler() {
		return new ReadableArticle(article, bodyHtml, complete, paywall, meterNotice, true);
	}

	ReadableArticle meteredAnonymously(@Nullable ResponseCookie cookie) {
		return new ReadableArticle(article, bodyHtml, complete, paywall, meterNotice, false, true, cookie);
	}

}
