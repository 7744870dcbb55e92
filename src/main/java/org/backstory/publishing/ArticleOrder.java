package org.backstory.publishing;

import java.util.List;

/**
 * The order of a {@link ArticleCatalog#find} answer: keys in turn, ties broken by id
 * (newest first).
 *
 * @param keys the keys, most significant first; empty means newest first
 */
public record ArticleOrder(List<Key> keys) {

	public ArticleOrder {
		keys = List.copyOf(keys);
	}

	public static ArticleOrder newestFirst() {
		return new ArticleOrder(List.of(new Key(Field.PUBLISHED_AT, true)));
	}

	/** What articles can be ordered by. */
	public enum Field {

		PUBLISHED_AT("a.published_at"), UPDATED_AT("a.updated_at"), TITLE("lower(a.title)"), SLUG("a.slug"), ID("a.id");

		final String sql;

		Field(String sql) {
			this.sql = sql;
		}

	}

	/**
	 * One key.
	 *
	 * @param field what to order by
	 * @param descending largest first
	 */
	public record Key(Field field, boolean descending) {
	}

	String sql() {
		StringBuilder sql = new StringBuilder("order by ");
		for (Key key : keys) {
			sql.append(key.field().sql).append(key.descending() ? " desc, " : " asc, ");
		}
		return sql.append("a.id desc").toString();
	}

}
