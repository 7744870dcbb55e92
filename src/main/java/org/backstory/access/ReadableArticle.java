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
 * @param gift for a page opened with a gift link, what the link did (opened the article,
 * or why not); null without one. Such a page is for that browser alone.
 */
public record ReadableArticle(Article article, String bodyHtml, boolean complete, @Nullable PaywallBox paywall,
		@Nullable String meterNotice, boolean verifiedCrawler, boolean meteredAnonymously,
		@Nullable ResponseCookie meterCookie, @Nullable GiftNote gift) {

	/** The article as a person or a crawler receives it, the anonymous meter aside. */
	public ReadableArticle(Article article, String bodyHtml, boolean complete, @Nullable PaywallBox paywall,
			@Nullable String meterNotice, boolean verifiedCrawler) {
		this(article, bodyHtml, complete, paywall, meterNotice, verifiedCrawler, false, null, null);
	}

	/** The article as a person receives it. */
	public ReadableArticle(Article article, String bodyHtml, boolean complete, @Nullable PaywallBox paywall,
			@Nullable String meterNotice) {
		this(article, bodyHtml, complete, paywall, meterNotice, false);
	}

	/**
	 * Whether it is for this reader alone (a verified crawler, an anonymous reader's
	 * meter, or a page opened with a gift link), so it must be sent
	 * {@code private, no-store}.
	 */
	public boolean personal() {
		return verifiedCrawler || meteredAnonymously || gift != null;
	}

	ReadableArticle toVerifiedCrawler() {
		return new ReadableArticle(article, bodyHtml, complete, paywall, meterNotice, true, false, null, gift);
	}

	ReadableArticle meteredAnonymously(@Nullable ResponseCookie cookie) {
		return new ReadableArticle(article, bodyHtml, complete, paywall, meterNotice, false, true, cookie, gift);
	}

	ReadableArticle withGift(GiftNote note) {
		return new ReadableArticle(article, bodyHtml, complete, paywall, meterNotice, verifiedCrawler,
				meteredAnonymously, meterCookie, note);
	}

}
