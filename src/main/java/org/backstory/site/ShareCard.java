package org.backstory.site;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a page tells social networks and chat apps when it is shared (OpenGraph and
 * Twitter card tags). Built only from public fields: the title, the dek or SEO
 * description, a tag's, author's or storyline's own words, never article text.
 *
 * @param type {@code article} for an article, {@code website} for a listing
 * @param title the page's title, without the publication's name
 * @param description the summary, empty when there is none
 * @param url the page's absolute address
 * @param siteName the publication's name
 * @param imageUrl the picture's absolute address: the article's social or cover image, or
 * a generated card
 * @param imageWidth the picture's width in pixels, null when not known (an image from
 * elsewhere)
 * @param imageHeight the picture's height in pixels, null when not known
 * @param publishedTime an article's publication time (ISO 8601), null for a listing
 * @param modifiedTime an article's last change (ISO 8601), null for a listing
 * @param tags an article's tag names
 */
public record ShareCard(String type, String title, String description, String url, String siteName, String imageUrl,
		@Nullable Integer imageWidth, @Nullable Integer imageHeight, @Nullable String publishedTime,
		@Nullable String modifiedTime, List<String> tags) {

	public ShareCard {
		tags = List.copyOf(tags);
	}

}
