package org.backstory.publishing;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A condition on published articles, built by a caller from checked values (never from
 * text to be pasted into SQL): {@link ArticleCatalog#find} turns it into a parameterised
 * query. An empty {@link All} matches every article, an empty {@link Any} none.
 */
public sealed interface ArticleFilter {

	/** Every article. */
	static ArticleFilter everything() {
		return new All(List.of());
	}

	/** Matches when every part does. */
	record All(List<ArticleFilter> parts) implements ArticleFilter {

		public All {
			parts = List.copyOf(parts);
		}

	}

	/** Matches when at least one part does. */
	record Any(List<ArticleFilter> parts) implements ArticleFilter {

		public Any {
			parts = List.copyOf(parts);
		}

	}

	/** Matches when {@code filter} does not. */
	record Not(ArticleFilter filter) implements ArticleFilter {
	}

	/** Articles with one of these tags (by slug); {@code primary}: as their first tag. */
	record TagIn(Set<String> slugs, boolean primary) implements ArticleFilter {

		public TagIn {
			slugs = Set.copyOf(slugs);
			if (slugs.isEmpty()) {
				throw new IllegalArgumentException("at least one value");
			}
		}

	}

	/**
	 * Articles by one of these authors (by slug); {@code primary}: as their first author.
	 */
	record AuthorIn(Set<String> slugs, boolean primary) implements ArticleFilter {

		public AuthorIn {
			slugs = Set.copyOf(slugs);
			if (slugs.isEmpty()) {
				throw new IllegalArgumentException("at least one value");
			}
		}

	}

	/**
	 * Articles whose free part (or whole public text) mentions one of these entities (by
	 * slug). A mention only in a gated part does not count: the filter would otherwise
	 * tell anyone what the gated part says.
	 */
	record EntityIn(Set<String> slugs) implements ArticleFilter {

		public EntityIn {
			slugs = Set.copyOf(slugs);
			if (slugs.isEmpty()) {
				throw new IllegalArgumentException("at least one value");
			}
		}

	}

	/** Articles with one of these ids. */
	record IdIn(Set<Long> ids) implements ArticleFilter {

		public IdIn {
			ids = Set.copyOf(ids);
			if (ids.isEmpty()) {
				throw new IllegalArgumentException("at least one value");
			}
		}

	}

	/** Articles with one of these current slugs. */
	record SlugIn(Set<String> slugs) implements ArticleFilter {

		public SlugIn {
			slugs = Set.copyOf(slugs);
			if (slugs.isEmpty()) {
				throw new IllegalArgumentException("at least one value");
			}
		}

	}

	/** Articles whose visibility is one of these levels. */
	record VisibilityIn(Set<Visibility.Level> levels) implements ArticleFilter {

		public VisibilityIn {
			levels = Set.copyOf(levels);
			if (levels.isEmpty()) {
				throw new IllegalArgumentException("at least one value");
			}
		}

	}

	/** Articles published before, at or after a moment. */
	record PublishedAt(Comparison comparison, Instant instant) implements ArticleFilter {
	}

	/** Articles whose title contains, starts or ends with {@code text}, ignoring case. */
	record TitleMatch(TextMatch match, String text) implements ArticleFilter {
	}

	/** How a value compares with the one given. */
	enum Comparison {

		BEFORE("<"), AT_OR_BEFORE("<="), AFTER(">"), AT_OR_AFTER(">="), AT("=");

		final String sql;

		Comparison(String sql) {
			this.sql = sql;
		}

	}

	/** Where a text is looked for. */
	enum TextMatch {

		CONTAINS, STARTS, ENDS

	}

}
