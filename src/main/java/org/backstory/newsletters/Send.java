package org.backstory.newsletters;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One article sent (or to be sent) to one newsletter, or to one storyline's followers (a
 * follow email).
 *
 * @param id the send's id
 * @param articleId the article mailed
 * @param newsletterId the newsletter whose members get it
 * @param audience all, free or paid members of it
 * @param status where the send is
 * @param scheduledAt when it starts (the article's publication time)
 * @param startedAt when its recipients were fixed
 * @param finishedAt when the last recipient was done with, or when it was canceled
 * @param recipients how many recipients it has, once started
 * @param detail why it was canceled, if it was
 * @param storylineId for a follow email, the storyline whose followers get it (mailed as
 * the newsletter's sender); null for a newsletter send
 */
public record Send(long id, long articleId, long newsletterId, Audience audience, SendStatus status,
		Instant scheduledAt, @Nullable Instant startedAt, @Nullable Instant finishedAt, int recipients, String detail,
		@Nullable Long storylineId) {
}
