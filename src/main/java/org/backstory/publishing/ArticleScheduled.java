package org.backstory.publishing;

import java.time.Instant;

/**
 * An article was given a publication time still to come: it goes live by itself then,
 * with no code running at that moment, so a channel that must react then schedules its
 * own work. Published synchronously inside the scheduling transaction. A later publish,
 * unpublish or reschedule does not cancel it: check, when the time comes, that the
 * article is still to go live at {@code at}.
 *
 * @param articleId the article's id
 * @param at when it goes live
 */
public record ArticleScheduled(long articleId, Instant at) {
}
