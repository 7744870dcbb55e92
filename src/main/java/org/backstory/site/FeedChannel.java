package org.backstory.site;

import org.jspecify.annotations.Nullable;

/**
 * What one feed is about, as its RSS channel names it: the whole site, a tag, an author,
 * a storyline, or a member's private feed of the whole site. Part of the feed cache's
 * key, so everything a channel says is here.
 *
 * @param title the channel's title
 * @param description its one-line description
 * @param pagePath the reader page the channel stands for
 * @param selfPath the feed's own public address, or null for a private feed, whose
 * address is its member's secret and so is not written into a document shared by every
 * member who may read the same
 */
record FeedChannel(String title, String description, String pagePath, @Nullable String selfPath) {
}
