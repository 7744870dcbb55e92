package org.backstory.site;

import org.jspecify.annotations.Nullable;

/**
 * One step of a storyline's timeline: an event, or a published article with its part
 * number.
 *
 * @param event the event, or null for an article
 * @param article the article, or null for an event
 * @param part the article's part number in story order, from 1 (0 for an event)
 */
public record TimelineEntry(@Nullable EventView event, @Nullable ArticleCard article, int part) {
}
