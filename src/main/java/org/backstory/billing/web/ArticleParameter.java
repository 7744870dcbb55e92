package org.backstory.billing.web;

import org.backstory.publishing.ArticleTitles;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The {@code article} parameter subscribe links and checkout forms carry: the article the
 * reader was on. Only a published or scheduled article's id counts; anything else is
 * ignored, since the reader has nothing to correct.
 */
@Component
class ArticleParameter {

	private final ArticleTitles articles;

	ArticleParameter(ArticleTitles articles) {
		this.articles = articles;
	}

	@Nullable Long valid(@Nullable String article) {
		if (article == null || !article.matches("[1-9][0-9]{0,17}")) {
			return null;
		}
		long id = Long.parseLong(article);
		return articles.exists(id) ? id : null;
	}

}
