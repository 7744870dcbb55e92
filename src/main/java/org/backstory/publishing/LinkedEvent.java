package org.backstory.publishing;

import org.jspecify.annotations.Nullable;

/**
 * A storyline event as readers see it, with the article that covers it when that article
 * is on the site.
 *
 * @param event the event
 * @param article its published article, or null when it has none or that article is not
 * published
 */
public record LinkedEvent(StorylineEvent event, @Nullable ArticleSummary article) {
}
