package org.backstory.api.web;

import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.backstory.access.ArticleGate;
import org.backstory.api.Integrations;
import org.backstory.billing.PlanCatalog;
import org.backstory.newsletters.Newsletters;
import org.backstory.publishing.Article;
import org.backstory.publishing.ArticleCatalog;
import org.backstory.publishing.ArticleFilter;
import org.backstory.publishing.ArticleOrder;
import org.backstory.publishing.ArticleResults;
import org.backstory.publishing.Author;
import org.backstory.publishing.Entities;
import org.backstory.publishing.PublicationService;
import org.backstory.publishing.PublishedCount;
import org.backstory.publishing.StorylineEvents;
import org.backstory.publishing.Tag;
import org.backstory.shared.BackstoryProperties;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ghost's Content API v5 under {@code /ghost/api/content/}: posts, pages (none: Backstory
 * has no pages yet), tags, authors and Backstory's storylines (with their events) and
 * entities (browse, by id, by slug), settings, tiers and newsletters (browse). Every call
 * needs an integration's Content API key in {@code ?key=} and is an anonymous reader:
 * articles come through the access module's gate, so a gated article gives its preview
 * and {@code access:false}. Answers to the catalog's data are serialized once per catalog
 * snapshot (dropped on every edit) and answered from memory after that.
 */
@RestController
@RequestMapping("/ghost/api/content")
class ContentApiController {

	static final String CACHE_CONTROL = "public, max-age=0";

	private static final String TIERS_CACHE_CONTROL = "public, max-age=600";

	private final ContentKeyCheck keys;

	private final ArticleCatalog catalog;

	private final ArticleGate gate;

	private final ContentApiSettings settings;

	private final PostFilter postFilter;

	private final GhostJson ghost;

	private final ContentApiAnswers answers;

	private final ContentApiLists lists;

	ContentApiController(Integrations integrations, ArticleCatalog catalog, ArticleGate gate, Entities entities,
			StorylineEvents events, PublicationService publications, PlanCatalog plans, Newsletters newsletters,
			JsonMapper json, BackstoryProperties site, Clock clock) {
		this.keys = new ContentKeyCheck(integrations);
		this.catalog = catalog;
		this.gate = gate;
		this.settings = new ContentApiSettings(publications, plans, newsletters, site);
		this.postFilter = new PostFilter(clock);
		this.ghost = new GhostJson(site);
		this.answers = new ContentApiAnswers(json);
		this.lists = new ContentApiLists(catalog, entities, events, gate, ghost, answers);
	}

	@GetMapping({ "/posts/", "/posts" })
	void browsePosts(HttpServletRequest request, HttpServletResponse response) throws IOException {
		BrowseParameters parameters = parameters(request);
		cached(request, response, List.of("posts", parameters), () -> {
			ArticleFilter filter = parameters.filter() == null ? ArticleFilter.everything()
					: postFilter.of(NqlParser.parse(parameters.filter()));
			ArticleResults results = catalog.find(filter, ContentApiOrder.forPosts(parameters), parameters.limit(),
					parameters.offset());
			return answers.browse("posts", posts(results.articles(), parameters), parameters, results.total());
		});
	}

	@GetMapping({ "/posts/{id}/", "/posts/{id}" })
	void readPost(@PathVariable String id, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		BrowseParameters parameters = parameters(request);
		if (!id.matches("[0-9]{1,18}")) {
			throw GhostError.notFound("post");
		}
		readPost(request, response, parameters, List.of("post-id", id),
				new ArticleFilter.IdIn(Set.of(Long.parseLong(id))));
	}

	@GetMapping({ "/posts/slug/{slug}/", "/posts/slug/{slug}" })
	void readPostBySlug(@PathVariable String slug, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		BrowseParameters parameters = parameters(request);
		readPost(request, response, parameters, List.of("post-slug", slug), new ArticleFilter.SlugIn(Set.of(slug)));
	}

	@GetMapping({ "/pages/", "/pages" })
	void browsePages(HttpServletRequest request, HttpServletResponse response) throws IOException {
		BrowseParameters parameters = parameters(request);
		cached(request, response, List.of("pages", parameters),
				() -> answers.browse("pages", List.of(), parameters, 0));
	}

	@GetMapping({ "/pages/{id}/", "/pages/{id}", "/pages/slug/{id}/", "/pages/slug/{id}" })
	void readPage(HttpServletRequest request) {
		keys.check(request);
		throw GhostError.notFound("page");
	}

	@GetMapping({ ContentApiLists.PATH + "/", ContentApiLists.PATH })
	void browseList(@PathVariable String list, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		BrowseParameters parameters = parameters(request);
		cached(request, response, List.of(list, parameters), () -> lists.browse(list, parameters));
	}

	@GetMapping({ ContentApiLists.PATH + "/{id}/", ContentApiLists.PATH + "/{id}" })
	void readFromList(@PathVariable String list, @PathVariable String id, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		BrowseParameters parameters = parameters(request);
		cached(request, response, List.of(list + "-one", id, parameters), () -> lists.readById(list, id, parameters));
	}

	@GetMapping({ ContentApiLists.PATH + "/slug/{slug}/", ContentApiLists.PATH + "/slug/{slug}" })
	void readFromListBySlug(@PathVariable String list, @PathVariable String slug, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		BrowseParameters parameters = parameters(request);
		cached(request, response, List.of(list + "-one", "slug:" + slug, parameters),
				() -> lists.readBySlug(list, slug, parameters));
	}

	@GetMapping({ "/settings/", "/settings" })
	void settings(HttpServletRequest request, HttpServletResponse response) throws IOException {
		keys.check(request);
		ContentApiAnswers.respond(request, response, answers.object("settings", settings.settings()), CACHE_CONTROL);
	}

	@GetMapping({ "/tiers/", "/tiers" })
	void tiers(HttpServletRequest request, HttpServletResponse response) throws IOException {
		BrowseParameters parameters = parameters(request);
		List<Map<String, Object>> tiers = settings.tiers(parameters);
		ContentApiAnswers.respond(request, response,
				answers.browse("tiers", ContentApiLists.page(tiers, parameters), parameters, tiers.size()),
				TIERS_CACHE_CONTROL);
	}

	@GetMapping({ "/newsletters/", "/newsletters" })
	void newsletters(HttpServletRequest request, HttpServletResponse response) throws IOException {
		BrowseParameters parameters = parameters(request);
		List<Map<String, Object>> newsletters = settings.newsletters(parameters);
		ContentApiAnswers.respond(request, response, answers.browse("newsletters",
				ContentApiLists.page(newsletters, parameters), parameters, newsletters.size()),
				TIERS_CACHE_CONTROL + ", must-revalidate");
	}

	/** Any other address under the Content API: Ghost's 404, not the site's page. */
	@GetMapping("/**")
	void unknown() {
		throw new GhostError(HttpStatus.NOT_FOUND, "NotFoundError", "Resource not found", null, null);
	}

	private void readPost(HttpServletRequest request, HttpServletResponse response, BrowseParameters parameters,
			List<String> key, ArticleFilter filter) throws IOException {
		cached(request, response, List.of(key, parameters), () -> {
			List<Article> found = catalog.find(filter, ArticleOrder.newestFirst(), 1, 0).articles();
			if (found.isEmpty()) {
				throw GhostError.notFound("post");
			}
			return answers.read("posts", posts(found, parameters).get(0));
		});
	}

	private List<Map<String, Object>> posts(List<Article> articles, BrowseParameters parameters) {
		Map<String, PublishedCount<Tag>> tags = bySlug(catalog.tagsWithCounts(), tag -> tag.item().slug());
		Map<String, PublishedCount<Author>> authors = bySlug(catalog.authorsWithCounts(),
				author -> author.item().slug());
		return articles.stream()
			.map(article -> ghost.post(gate.openAnonymously(article), parameters, tags, authors))
			.toList();
	}

	private static <T> Map<String, T> bySlug(List<T> items, Function<T, String> slug) {
		return items.stream().collect(Collectors.toMap(slug, Function.identity(), (a, b) -> a, LinkedHashMap::new));
	}

	private void cached(HttpServletRequest request, HttpServletResponse response, List<?> key,
			Supplier<JsonAnswer> answer) throws IOException {
		ContentApiAnswers.respond(request, response, catalog.derived(List.of("content-api", key), answer),
				CACHE_CONTROL);
	}

	/**
	 * The call's parameters, once its key is checked (Ghost refuses a call without a good
	 * key first).
	 */
	private BrowseParameters parameters(HttpServletRequest request) {
		keys.check(request);
		return BrowseParameters.of(request.getParameter("include"), request.getParameter("fields"),
				request.getParameter("formats"), request.getParameter("limit"), request.getParameter("page"),
				request.getParameter("order"), request.getParameter("filter"));
	}

}
