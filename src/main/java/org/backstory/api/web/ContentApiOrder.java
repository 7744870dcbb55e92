package org.backstory.api.web;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import org.backstory.publishing.ArticleOrder;
import org.backstory.publishing.PublishedCount;

/**
 * The Content API's {@code order} parameter, checked: posts by {@code published_at} (also
 * as {@code created_at}), {@code updated_at}, {@code title}, {@code slug} or {@code id};
 * tags and authors by {@code name}, {@code slug} or {@code count.posts}. Any other field
 * is a 400.
 */
final class ContentApiOrder {

	private ContentApiOrder() {
	}

	static ArticleOrder forPosts(BrowseParameters parameters) {
		List<ArticleOrder.Key> keys = parameters.orderKeys()
			.stream()
			.map(key -> new ArticleOrder.Key(switch (key.field()) {
				case "published_at", "created_at" -> ArticleOrder.Field.PUBLISHED_AT;
				case "updated_at" -> ArticleOrder.Field.UPDATED_AT;
				case "title" -> ArticleOrder.Field.TITLE;
				case "slug" -> ArticleOrder.Field.SLUG;
				case "id" -> ArticleOrder.Field.ID;
				default -> throw GhostError.badRequest("Validation error, cannot order.",
						"order by published_at, updated_at, title, slug or id.");
			}, key.descending()))
			.toList();
		return keys.isEmpty() ? ArticleOrder.newestFirst() : new ArticleOrder(keys);
	}

	static <T extends PublishedCount<?>> Comparator<T> forList(BrowseParameters parameters, Function<T, String> name,
			Function<T, String> slug) {
		Comparator<T> order = (a, b) -> 0;
		for (BrowseParameters.OrderKey key : parameters.orderKeys()) {
			Comparator<T> by = switch (key.field()) {
				case "name" -> Comparator.comparing(name, String.CASE_INSENSITIVE_ORDER);
				case "slug" -> Comparator.comparing(slug);
				case "count.posts" -> Comparator.comparingInt(PublishedCount::articles);
				default -> throw GhostError.badRequest("Validation error, cannot order.",
						"order by name, slug or count.posts.");
			};
			order = order.thenComparing(key.descending() ? by.reversed() : by);
		}
		return order;
	}

}
