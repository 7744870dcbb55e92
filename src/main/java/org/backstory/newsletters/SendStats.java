package org.backstory.newsletters;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What became of one send's messages. Rates are of the delivered messages.
 *
 * @param sendId the send
 * @param articleId the article sent
 * @param newsletter the newsletter's name (a follow email's sender newsletter)
 * @param storylineId the storyline of a follow email, else null
 * @param status the send's status: scheduled, sending, sent or canceled
 * @param startedAt when it started, null before
 * @param tracked whether its messages carried the open pixel and tracked links
 * @param delivered messages the mail server accepted (bounced ones included)
 * @param bounced delivered messages reported as bounced
 * @param complained messages reported as spam
 * @param unsubscribed recipients who unsubscribed through this send's link
 * @param opened recipients who opened it (the pixel loaded, or a link was clicked); only
 * meaningful when tracked
 * @param clicked recipients who clicked a link; only meaningful when tracked
 */
public record SendStats(long sendId, long articleId, String newsletter, @Nullable Long storylineId, String status,
		@Nullable Instant startedAt, boolean tracked, int delivered, int bounced, int complained, int unsubscribed,
		int opened, int clicked) {

	/**
	 * {@code count} with its share of the delivered messages as staff pages show it, e.g.
	 * {@code 3 (1.5 %)}; the bare count when nothing was delivered.
	 */
	public String share(int count) {
		return Shares.of(count, delivered);
	}

}
