package org.backstory.newsletters;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One newsletter message to a member and what they did with it.
 *
 * @param sendId the send
 * @param articleId the article it carried
 * @param newsletter the newsletter's name
 * @param subject the message's subject
 * @param status pending, sent, failed, bounced or suppressed
 * @param sentAt when the server accepted it, null if it never did
 * @param tracked whether the send tracked opens and clicks (if not, opened and clicked
 * are unknown, not "no")
 * @param openedAt first open (or click), null if none was seen
 * @param clickedAt first click, null if none
 * @param complained whether the member reported it as spam
 * @param unsubscribed whether the member unsubscribed through it
 */
public record MessageEngagement(long sendId, long articleId, String newsletter, String subject, String status,
		@Nullable Instant sentAt, boolean tracked, @Nullable Instant openedAt, @Nullable Instant clickedAt,
		boolean complained, boolean unsubscribed) {
}
