package org.backstory.publishing;

import static org.backstory.publishing.ArticleCatalogRepository.utc;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Old slugs that keep answering with a redirect to the article that had them.
 */
@Component
class SlugAliasRepository {

	private final JdbcClient jdbc;

	SlugAliasRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void addAlias(String oldSlug, long articleId, Instant now) {
		jdbc.sql("""
				insert into publishing.slug_alias (slug, article_id, created_at) values (?, ?, ?)
				on conflict (slug) do update set article_id = excluded.article_id
				""").params(oldSlug, articleId, utc(now)).update();
	}

	/**
	 * Adds an alias unless the slug is already one (of any article); returns whether it
	 * did.
	 */
	boolean addAliasIfFree(String oldSlug, long articleId, Instant now) {
		return jdbc.sql("""
				insert into publishing.slug_alias (slug, article_id, created_at) values (?, ?, ?)
				on conflict (slug) do nothing
				""").params(oldSlug, articleId, utc(now)).update() == 1;
	}

	/** A slug that is an article's current slug is no longer an alias of any other. */
	void releaseAlias(String slug) {
		jdbc.sql("delete from publishing.slug_alias where slug = ?").param(slug).update();
	}

}
