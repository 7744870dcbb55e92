package org.backstory.api.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.backstory.members.MemberRole;
import org.backstory.members.SignedInMember;
import org.backstory.publishing.Publication;
import org.backstory.publishing.PublicationService;
import org.backstory.publishing.PublishedCount;
import org.backstory.publishing.Slugs;
import org.backstory.publishing.Tag;
import org.backstory.publishing.TagUsage;
import org.backstory.publishing.Taxonomy;
import org.backstory.shared.BackstoryProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ghost's Admin API besides posts: {@code site/} (the connection test clients and Zapier
 * make) and tags (browse, read, add, edit: any integration reads them, editors and above
 * change them, as in the newsroom). Any other address under {@code /ghost/api/admin/} is
 * Ghost's 404.
 */
@RestController
@RequestMapping("/ghost/api/admin")
class AdminApiController {

	private static final Set<String> TAG_FIELDS = Set.of("name", "slug", "id", "description", "feature_image",
			"visibility", "og_image", "og_title", "og_description", "twitter_image", "twitter_title",
			"twitter_description", "meta_title", "meta_description", "codeinjection_head", "codeinjection_foot",
			"canonical_url", "accent_color", "url", "count", "created_at", "updated_at", "parent");

	private final AdminApiAuth auth;

	private final PublicationService publications;

	private final Taxonomy taxonomy;

	private final GhostJson ghost;

	private final ContentApiAnswers answers;

	private final JsonMapper json;

	private final BackstoryProperties site;

	AdminApiController(AdminApiAuth auth, PublicationService publications, Taxonomy taxonomy, JsonMapper json,
			BackstoryProperties site) {
		this.auth = auth;
		this.publications = publications;
		this.taxonomy = taxonomy;
		this.ghost = new GhostJson(site);
		this.answers = new ContentApiAnswers(json);
		this.json = json;
		this.site = site;
	}

	@GetMapping({ "/site/", "/site" })
	ResponseEntity<byte[]> site(HttpServletRequest request) {
		auth.caller(request);
		Publication publication = publications.publication();
		Map<String, Object> json = GhostJson.publication(publication);
		json.put("locale", "en");
		json.put("url", site.link("/"));
		json.put("version", "5.0");
		return AdminAnswers.ok(answers.write(Map.of("site", json)));
	}

	@GetMapping({ "/tags/", "/tags" })
	ResponseEntity<byte[]> tags(HttpServletRequest request) {
		auth.caller(request);
		BrowseParameters parameters = BrowseParameters.of(null, null, null, request.getParameter("limit"),
				request.getParameter("page"), null, null);
		List<TagUsage> all = taxonomy.tags();
		List<Map<String, Object>> items = all.stream()
			.skip(parameters.offset())
			.limit(parameters.limit())
			.map(this::tag)
			.toList();
		return AdminAnswers.ok(answers.browse("tags", items, parameters, all.size()));
	}

	@GetMapping({ "/tags/{id}/", "/tags/{id}" })
	ResponseEntity<byte[]> tag(@PathVariable String id, HttpServletRequest request) {
		auth.caller(request);
		return AdminAnswers.ok(answers.read("tags", tag(existingTag(id))));
	}

	@PostMapping({ "/tags/", "/tags" })
	ResponseEntity<byte[]> addTag(@RequestBody(required = false) @Nullable String body, HttpServletRequest request) {
		SignedInMember caller = auth.caller(request, MemberRole.EDITOR, "add tags");
		AdminInput input = AdminInput.read(json, body, "tags", TAG_FIELDS);
		String name = input.text("name");
		if (name == null || name.isBlank()) {
			throw AdminInput.invalid("A tag needs a name.");
		}
		String slug = input.text("slug");
		String description = input.text("description");
		Tag tag = taxonomy.createTag(caller.id(), slug == null ? Slugs.fromName(name, 100) : slug, name,
				description == null ? "" : description);
		return ResponseEntity.status(HttpStatus.CREATED)
			.headers(AdminAnswers.headers())
			.body(answers.read("tags", tag(existingTag(Long.toString(tag.id())))).body());
	}

	@PutMapping({ "/tags/{id}/", "/tags/{id}" })
	ResponseEntity<byte[]> editTag(@PathVariable String id, @RequestBody(required = false) @Nullable String body,
			HttpServletRequest request) {
		SignedInMember caller = auth.caller(request, MemberRole.EDITOR, "edit tags");
		TagUsage current = existingTag(id);
		AdminInput input = AdminInput.read(json, body, "tags", TAG_FIELDS);
		String name = input.text("name");
		String slug = input.text("slug");
		String description = input.has("description") ? input.text("description") : current.description();
		taxonomy.editTag(caller.id(), current.id(), slug == null ? current.slug() : slug,
				name == null ? current.name() : name, description == null ? "" : description);
		return AdminAnswers.ok(answers.read("tags", tag(existingTag(id))));
	}

	/** Any other address under the Admin API: Ghost's 404, not the site's page. */
	@RequestMapping("/**")
	ResponseEntity<byte[]> unknown(HttpServletRequest request) {
		auth.caller(request);
		throw new GhostError(HttpStatus.NOT_FOUND, "NotFoundError", "Resource not found", null, null);
	}

	private TagUsage existingTag(String id) {
		if (!id.matches("[0-9]{1,18}")) {
			throw GhostError.notFound("tag");
		}
		return taxonomy.tag(Long.parseLong(id)).orElseThrow(() -> GhostError.notFound("tag"));
	}

	private Map<String, Object> tag(TagUsage usage) {
		return ghost.tag(new PublishedCount<Tag>(usage.tag(), (int) usage.articles()), true);
	}

}
