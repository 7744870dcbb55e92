package org.backstory.admin.dashboard;

import org.backstory.members.KnownArticles;
import org.backstory.publishing.ArticleTitles;
import org.springframework.stereotype.Component;

/**
 * Lets sign-up check the article a sign-up link names, for the dashboard's top articles.
 */
@Component
class PublishedArticles implements KnownArticles {

	private final ArticleTitles articles;

	PublishedArticles(ArticleTitles articles) {
		this.articles = articles;
	}

	@Override
	public boolean exists(long articleId) {
		return articles.exists(articleId);
	}

}
