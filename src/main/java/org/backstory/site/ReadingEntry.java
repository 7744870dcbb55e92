package org.backstory.site;

import org.backstory.publishing.ArticleSummary;

/**
 * One line of a member's reading history page.
 *
 * @param articleId the article, for the remove button
 * @param href the article's page
 * @param title the article's title
 * @param firstRead when the member first read it
 * @param lastRead when the member last read it
 */
public record ReadingEntry(long articleId, String href, String title, ReadingDate firstRead, ReadingDate lastRead) {

	static ReadingEntry of(ArticleSummary article, ReadingHistory.Read read) {
		return new ReadingEntry(article.id(), ArticleCard.of(article).href(), article.title(),
				ReadingDate.of(read.firstRead()), ReadingDate.of(read.lastRead()));
	}

}
