package org.backstory.api.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.backstory.publishing.ArticleQuery;
import org.jspecify.annotations.Nullable;

/**
 * The Admin API's post filter: the newsroom list's own filters written in NQL,
 * {@code status:draft}, {@code tag:x}, {@code author:x}, {@code visibility:paid}, joined
 * with {@code +}. Anything else is a 400.
 */
final class AdminPostFilter {

	private static final Map<String, String> PROPERTIES = Map.of("status", "status", "tag", "tag", "tags", "tag",
			"author", "author", "authors", "author", "visibility", "visibility");

	private AdminPostFilter() {
	}

	static ArticleQuery query(@Nullable String filter, int page) {
		Map<String, String> values = new HashMap<>();
		if (filter != null && !filter.isBlank()) {
			Nql parsed = NqlParser.parse(filter);
			List<Nql> parts = parsed instanceof Nql.And and ? and.parts() : List.of(parsed);
			for (Nql part : parts) {
				if (!(part instanceof Nql.Condition condition) || condition.negated()
						|| condition.operator() != Nql.Operator.EQUALS || condition.values().size() != 1
						|| !PROPERTIES.containsKey(condition.property())
						|| values.putIfAbsent(PROPERTIES.get(condition.property()),
								condition.values().get(0).text()) != null) {
					throw GhostError.badRequest("Error parsing filter",
							"Filter posts by status, tag, author and visibility, each once, joined with +.");
				}
			}
		}
		return new ArticleQuery(values.get("status"), values.get("author"), values.get("tag"), null,
				values.get("visibility"), null, page);
	}

}
