package org.backstory.publishing;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.backstory.members.KnownArticles;
import org.springframework.stereotype.Service;

/**
 * Articles by id, for other modules that keep article ids (where a reader signed up or
 * subscribed). Drafts do not count: a reader can only have been on an article that is
 * published or scheduled. It is also the members module's {@link KnownArticles}, which
 * sign-up asks whether the article a sign-up link names is real.
 */
@Service
public class ArticleTitles implements KnownArticles {

	private final ArticleTitleRepository repository;

	ArticleTitles(ArticleTitleRepository repository) {
		this.repository = repository;
	}

	/** Whether this id is a published or scheduled article. */
	@Override
	public boolean exists(long articleId) {
		return repository.exists(articleId);
	}

	/**
	 * The titles of those of these ids that are published or scheduled articles, by id.
	 */
	public Map<Long, ArticleTitle> titles(Collection<Long> articleIds) {
		if (articleIds.isEmpty()) {
			return Map.of();
		}
		return repository.titles(articleIds).stream().collect(Collectors.toMap(ArticleTitle::id, Function.identity()));
	}

}
