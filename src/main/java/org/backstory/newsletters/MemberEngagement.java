package org.backstory.newsletters;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A member's newsletter engagement, for their staff page.
 *
 * @param delivered messages the mail server accepted for them
 * @param tracked of those, messages of tracked sends (the base of the open and click
 * rates)
 * @param opened tracked messages they opened (approximate: some mail apps load every
 * image)
 * @param clicked tracked messages in which they clicked a link
 * @param lastOpenedAt their latest first-open of a message, null if none was seen
 * @param recent their latest messages, newest first
 */
public record MemberEngagement(int delivered, int tracked, int opened, int clicked, @Nullable Instant lastOpenedAt,
		List<MessageEngagement> recent) {

	/**
	 * {@code count} with its share of the tracked messages as staff pages show it, e.g.
	 * {@code 5 (62.5 %)}.
	 */
	public String share(int count) {
		return Shares.of(count, tracked);
	}

}
