package org.backstory.api.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.backstory.access.ArticleGate;
import org.backstory.members.SignedInMember;
import org.backstory.publishing.Article;
import org.backstory.publishing.ArticleDesk;
import org.backstory.publishing.ArticleEditor;
import org.backstory.publishing.ArticleListing;
import org.backstory.publishing.ArticleQuery;
import org.backstory.publishing.ArticleVocabulary;
import org.backstory.publishing.NoSuchArticleException;
import org.backstory.publishing.Vocabulary;
import org.backstory.shared.BackstoryProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ghost's Admin API posts: browse, read (by id or slug), add, edit and delete, as the
 * integration's staff role sees and may change them in the newsroom
 * ({@link ArticleDesk}). Browse pages are the newsroom list's
 * ({@value ArticleQuery#PAGE_SIZE} to a page); its filter takes {@code status:},
 * {@code tag:}, {@code author:} and {@code visibility:}.
 */
@RestController
@RequestMapping("/ghost/api/admin/posts")
class AdminPostsController {

	/** Ghost's paywall point in a post's html. */
	static final String MEMBERS_ONLY = "<!--members-only-->";

	private final AdminApiAuth auth;

	private final ArticleDesk desk;

	private final ArticleGate gate;

	private final ArticleEditor editor;

	private final AdminPosts posts;

	private final AdminPostJson ghost;

	private final ContentApiAnswers answers;

	private final JsonMapper json;

	private final BackstoryProperties site;

	private final ArticleVocabulary names;

	AdminPostsController(AdminApiAuth auth, ArticleDesk desk, ArticleGate gate, ArticleEditor editor, AdminPosts posts,
			JsonMapper json, BackstoryProperties site, ArticleVocabulary names) {
		this.names = names;
		this.auth = auth;
		this.desk = desk;
		this.gate = gate;
		this.editor = editor;
		this.posts = posts;
		this.ghost = new AdminPostJson(site);
		this.answers = new ContentApiAnswers(json);
		this.json = json;
		this.site = site;
	}

	@GetMapping({ "/", "" })
	ResponseEntity<byte[]> browse(HttpServletRequest request) {
		SignedInMember caller = auth.caller(request);
		String page = request.getParameter("page");
		BrowseParameters parameters = BrowseParameters.of(null, null, null, Integer.toString(ArticleQuery.PAGE_SIZE),
				page, null, null);
		ArticleListing listing = desk.list(AdminPostFilter.query(request.getParameter("filter"), parameters.page()),
				caller);
		Vocabulary vocabulary = names.all();
		List<Map<String, Object>> items = listing.rows()
			.stream()
			.map(row -> post(desk.forPreview(row.id(), caller), row.status(), vocabulary))
			.toList();
		return AdminAnswers.ok(answers.browse("posts", items, parameters, (int) listing.total()));
	}

	@GetMapping({ "/{id}/", "/{id}" })
	ResponseEntity<byte[]> read(@PathVariable String id, HttpServletRequest request) {
		SignedInMember caller = auth.caller(request);
		return AdminAnswers.ok(answers.read("posts", post(articleId(id), caller)));
	}

	@GetMapping({ "/slug/{slug}/", "/slug/{slug}" })
	ResponseEntity<byte[]> readBySlug(@PathVariable String slug, HttpServletRequest request) {
		SignedInMember caller = auth.caller(request);
		long id = editor.idOfSlug(slug).orElseThrow(() -> GhostError.notFound("post"));
		return AdminAnswers.ok(answers.read("posts", post(id, caller)));
	}

	@PostMapping({ "/", "" })
	ResponseEntity<byte[]> add(@RequestBody(required = false) @Nullable String body, HttpServletRequest request) {
		SignedInMember caller = auth.caller(request);
		long id = posts.create(AdminInput.read(json, body, "posts", AdminPosts.FIELDS), caller);
		return ResponseEntity.created(URI.create(site.link("/ghost/api/admin/posts/" + id + "/")))
			.headers(AdminAnswers.headers())
			.body(answers.read("posts", post(id, caller)).body());
	}

	@PutMapping({ "/{id}/", "/{id}" })
	ResponseEntity<byte[]> edit(@PathVariable String id, @RequestBody(required = false) @Nullable String body,
			HttpServletRequest request) {
		SignedInMember caller = auth.caller(request);
		long articleId = articleId(id);
		posts.update(articleId, AdminInput.read(json, body, "posts", AdminPosts.FIELDS), caller);
		return AdminAnswers.ok(answers.read("posts", post(articleId, caller)));
	}

	@DeleteMapping({ "/{id}/", "/{id}" })
	ResponseEntity<Void> delete(@PathVariable String id, HttpServletRequest request) {
		SignedInMember caller = auth.caller(request);
		desk.delete(articleId(id), caller);
		return ResponseEntity.status(HttpStatus.NO_CONTENT).headers(AdminAnswers.headers()).build();
	}

	private Map<String, Object> post(long id, SignedInMember caller) {
		return post(desk.forPreview(id, caller), desk.statusOf(id), names.all());
	}

	/**
	 * An article the newsroom has let this caller see ({@link ArticleDesk#forPreview}),
	 * whole.
	 */
	private Map<String, Object> post(Article article, String status, Vocabulary vocabulary) {
		return ghost.post(article, gate.wholeForStaff(article, MEMBERS_ONLY), status, vocabulary);
	}

	private static long articleId(String id) {
		if (!id.matches("[0-9]{1,18}")) {
			throw new NoSuchArticleException(-1);
		}
		return Long.parseLong(id);
	}

}
