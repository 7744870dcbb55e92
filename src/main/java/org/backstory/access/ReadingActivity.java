package org.backstory.access;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How an article was read past the paywall, and the gifts a member made, for the staff
 * engagement pages: gift links and the browsers that opened them, and free members'
 * metered reads (the meter records each paid article a free member opens, once a month).
 * Anonymous readers' metered reads are counted in a cookie only and are not here.
 */
@Service
public class ReadingActivity {

	private final GiftLinkRepository giftLinks;

	private final MeteredReads meteredReads;

	ReadingActivity(GiftLinkRepository giftLinks, MeteredReads meteredReads) {
		this.giftLinks = giftLinks;
		this.meteredReads = meteredReads;
	}

	/** The gift links made for the article and its metered reads. */
	@Transactional(readOnly = true)
	public ArticleReading ofArticle(long articleId) {
		return new ArticleReading(giftLinks.ofArticle(articleId), meteredReads.ofArticle(articleId));
	}

	/** The gift links the member made, newest first, at most {@code limit}. */
	public List<GivenLink> giftLinksBy(long memberId, int limit) {
		return giftLinks.givenBy(memberId, limit);
	}

	/** An article's gift links and metered reads. */
	public record ArticleReading(GiftLinkCount giftLinks, MeterCount meteredReads) {
	}

	/**
	 * The gift links made for an article.
	 *
	 * @param links links made (a giver gifting it again in the same month reuses one)
	 * @param givers the members who made them
	 * @param browsers distinct browsers that opened the article through them
	 */
	public record GiftLinkCount(long links, long givers, long browsers) {
	}

	/**
	 * Free members' reads of an article through the monthly meter.
	 *
	 * @param reads reads counted (one per member and month)
	 * @param members distinct members
	 */
	public record MeterCount(long reads, long members) {
	}

	/**
	 * A gift link a member made.
	 *
	 * @param at when it was first made
	 * @param browsers distinct browsers that opened it
	 */
	public record GivenLink(long articleId, Instant at, long browsers) {
	}

}
