package org.backstory.site;

import java.util.List;

import org.backstory.publishing.ArticleSummary;
import org.backstory.publishing.StorylineRef;
import org.jspecify.annotations.Nullable;

/**
 * Where an article sits in its storyline: "Part N of ..." with links to the parts before
 * and after.
 *
 * @param href the storyline's timeline page
 * @param title the storyline's title
 * @param part this article's part number, from 1
 * @param parts how many parts are published
 * @param previous the part before, if any
 * @param next the part after, if any
 */
public record StorylineNav(String href, String title, int part, int parts, @Nullable ArticleCard previous,
		@Nullable ArticleCard next) {

	/**
	 * The navigation for article {@code articleId} among the storyline's published parts,
	 * in order.
	 */
	static StorylineNav of(StorylineRef storyline, long articleId, List<ArticleSummary> parts) {
		int index = 0;
		while (index < parts.size() && parts.get(index).id() != articleId) {
			index++;
		}
		ArticleCard previous = index > 0 && index <= parts.size() ? ArticleCard.of(parts.get(index - 1)) : null;
		ArticleCard next = index + 1 < parts.size() ? ArticleCard.of(parts.get(index + 1)) : null;
		return new StorylineNav("/story/" + storyline.slug(), storyline.title(), storyline.position(), parts.size(),
				previous, next);
	}

}
