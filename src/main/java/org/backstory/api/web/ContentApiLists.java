package org.backstory.api.web;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.backstory.access.ArticleGate;
import org.backstory.access.Reader;
import org.backstory.publishing.ArticleCatalog;
import org.backstory.publishing.Author;
import org.backstory.publishing.Entities;
import org.backstory.publishing.Entity;
import org.backstory.publishing.PublishedCount;
import org.backstory.publishing.Storyline;
import org.backstory.publishing.StorylineEvents;

/**
 * The Content API's lists of tags, authors, storylines and entities, which all answer
 * alike: browsed with Ghost's filter (by slug or id), order, page and fields, or read one
 * by id or by slug, each item with how many published articles it has.
 */
final class ContentApiLists {

	/** The address of a list, its name a path variable {@code list}. */
	static final String PATH = "/{list:tags|authors|storylines|entities}";

	private final ContentApiAnswers answers;

	private final Map<String, Listed<?>> lists;

	ContentApiLists(ArticleCatalog catalog, Entities entities, StorylineEvents events, ArticleGate gate,
			GhostJson ghost, ContentApiAnswers answers) {
		this.answers = answers;
		this.lists = Map
			.of("tags",
					new Listed<>("tag", catalog::tagsWithCounts, tag -> tag.item().slug(),
							tag -> Long.toString(tag.item().id()), tag -> tag.item().name(),
							(tag, parameters) -> ghost.tag(tag, parameters.includes("count.posts"))),
					"authors",
					new Listed<PublishedCount<Author>>("author",
							() -> catalog.authorsWithCounts().stream().filter(author -> author.articles() > 0).toList(),
							author -> author.item().slug(), author -> Long.toString(author.item().id()),
							author -> author.item().name(),
							(author, parameters) -> ghost.author(author, parameters.includes("count.posts"))),
					"storylines",
					new Listed<PublishedCount<Storyline>>("storyline", catalog::storylinesWithCounts,
							storyline -> storyline.item().slug(), storyline -> Long.toString(storyline.item().id()),
							storyline -> storyline.item().title(),
							// include=events adds its events as the timeline shows them:
							// editors'
							// public metadata, each naming its article while that is
							// published
							(storyline, parameters) -> ghost.storyline(storyline, parameters.includes("count.posts"),
									parameters.includes("events") ? events.timeline(storyline.item().slug()) : null)),
					"entities",
					new Listed<PublishedCount<Entity>>("entity", entities::entitiesWithCounts,
							entity -> entity.item().slug(), entity -> Long.toString(entity.item().id()),
							entity -> entity.item().name(),
							// include=quotes adds the quotes an anonymous reader may see,
							// through the
							// access gate as on the entity's page, so a quote from a
							// gated part never
							// appears
							(entity, parameters) -> ghost.entity(entity, parameters.includes("count.posts"),
									parameters.includes("quotes")
											? gate.readableQuotes(entities.quotes(entity.item()), Reader.anonymous())
											: null)));
	}

	/** One page of the list, filtered and ordered as the call asks. */
	JsonAnswer browse(String list, BrowseParameters parameters) {
		return browse(list, lists.get(list), parameters);
	}

	/**
	 * The list's item with this id.
	 * @throws GhostError Ghost's 404 when there is none
	 */
	JsonAnswer readById(String list, String id, BrowseParameters parameters) {
		return read(list, lists.get(list), false, id, parameters);
	}

	/**
	 * The list's item with this slug.
	 * @throws GhostError Ghost's 404 when there is none
	 */
	JsonAnswer readBySlug(String list, String slug, BrowseParameters parameters) {
		return read(list, lists.get(list), true, slug, parameters);
	}

	/** The page of {@code items} the call's limit and page ask for. */
	static <T> List<T> page(List<T> items, BrowseParameters parameters) {
		int from = Math.min(items.size(), parameters.offset());
		return items.subList(from, Math.min(items.size(), from + parameters.limit()));
	}

	private <T extends PublishedCount<?>> JsonAnswer browse(String list, Listed<T> listed,
			BrowseParameters parameters) {
		Predicate<T> filter = parameters.filter() == null ? item -> true
				: new ListFilter<>(listed.slug(), listed.id()).of(NqlParser.parse(parameters.filter()));
		List<T> matching = listed.all()
			.get()
			.stream()
			.filter(filter)
			.sorted(ContentApiOrder.forList(parameters, listed.name(), listed.slug()))
			.toList();
		List<Map<String, Object>> items = page(matching, parameters).stream()
			.map(item -> GhostJson.retainFields(listed.json().apply(item, parameters), parameters.fields()))
			.toList();
		return answers.browse(list, items, parameters, matching.size());
	}

	private <T extends PublishedCount<?>> JsonAnswer read(String list, Listed<T> listed, boolean bySlug, String value,
			BrowseParameters parameters) {
		Function<T, String> key = bySlug ? listed.slug() : listed.id();
		T item = listed.all()
			.get()
			.stream()
			.filter(candidate -> key.apply(candidate).equals(value))
			.findFirst()
			.orElseThrow(() -> GhostError.notFound(listed.singular()));
		return answers.read(list, GhostJson.retainFields(listed.json().apply(item, parameters), parameters.fields()));
	}

	/**
	 * One list the API serves.
	 *
	 * @param singular its name in a 404 ({@code tag})
	 * @param all every item with its count, read when an answer is built
	 * @param name what the default order sorts by
	 * @param json an item as the API shows it for the call
	 */
	private record Listed<T extends PublishedCount<?>>(String singular, Supplier<List<T>> all, Function<T, String> slug,
			Function<T, String> id, Function<T, String> name,
			BiFunction<T, BrowseParameters, Map<String, Object>> json) {
	}

}
