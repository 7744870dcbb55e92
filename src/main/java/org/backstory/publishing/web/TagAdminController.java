package org.backstory.publishing.web;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.publishing.InvalidArticleException;
import org.backstory.publishing.Tag;
import org.backstory.publishing.TagUsage;
import org.backstory.publishing.Taxonomy;
import org.backstory.shared.web.CsrfField;
import org.backstory.shared.web.Responses;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Editors list tags with their article counts, create them, edit their name, slug and
 * description, merge them, and delete unused ones.
 * <p>
 * The acting staff member's id is read from the principal by expression ({@code id()} of
 * the members module's {@code SignedInMember}), so publishing does not depend on the
 * members module.
 */
@Controller
class TagAdminController {

	static final String PATH = "/admin/tags";

	private static final String ACTOR = "id()";

	private final Taxonomy taxonomy;

	TagAdminController(Taxonomy taxonomy) {
		this.taxonomy = taxonomy;
	}

	@GetMapping(PATH)
	String list(CsrfToken csrfToken, Model model) {
		return listPage(model, csrfToken, "", "", List.of());
	}

	@PostMapping(PATH)
	Object create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String slug,
			@AuthenticationPrincipal(expression = ACTOR) long actorId, CsrfToken csrfToken, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			Tag tag = taxonomy.createTag(actorId, AdminPages.slugOr(slug, name), name, "");
			redirect.addFlashAttribute("notice", "Tag " + tag.name() + " created.");
			return Responses.seeOther(PATH);
		}
		catch (InvalidArticleException ex) {
			AdminPages.unprocessable(response);
			return listPage(model, csrfToken, name, slug, ex.problems());
		}
	}

	@GetMapping(PATH + "/{id}")
	String edit(@PathVariable long id, CsrfToken csrfToken, Model model) {
		TagUsage tag = existing(id);
		return editPage(model, csrfToken, tag, tag.tag(), List.of());
	}

	@PostMapping(PATH + "/{id}")
	Object edit(@PathVariable long id, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String slug, @RequestParam(defaultValue = "") String description,
			@AuthenticationPrincipal(expression = ACTOR) long actorId, CsrfToken csrfToken, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		TagUsage tag = existing(id);
		try {
			Tag saved = taxonomy.editTag(actorId, id, AdminPages.slugOr(slug, name), name, description);
			redirect.addFlashAttribute("notice", "Tag " + saved.name() + " saved.");
			return Responses.seeOther(PATH + "/" + id);
		}
		catch (InvalidArticleException ex) {
			AdminPages.unprocessable(response);
			return editPage(model, csrfToken, tag, new Tag(id, slug, name, description), ex.problems());
		}
	}

	@PostMapping(PATH + "/{id}/merge")
	Object merge(@PathVariable long id, @RequestParam(defaultValue = "0") long into,
			@AuthenticationPrincipal(expression = ACTOR) long actorId, CsrfToken csrfToken, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		TagUsage tag = existing(id);
		try {
			taxonomy.mergeTags(actorId, id, into);
			redirect.addFlashAttribute("notice", "Tag " + tag.name() + " merged into "
					+ taxonomy.tag(into).map(TagUsage::name).orElse("the other tag") + ".");
			return Responses.seeOther(PATH + "/" + into);
		}
		catch (InvalidArticleException ex) {
			AdminPages.unprocessable(response);
			return editPage(model, csrfToken, tag, tag.tag(), ex.problems());
		}
	}

	@PostMapping(PATH + "/{id}/delete")
	Object delete(@PathVariable long id, @AuthenticationPrincipal(expression = ACTOR) long actorId, CsrfToken csrfToken,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		TagUsage tag = existing(id);
		try {
			taxonomy.deleteTag(actorId, id);
			redirect.addFlashAttribute("notice", "Tag " + tag.name() + " deleted.");
			return Responses.seeOther(PATH);
		}
		catch (InvalidArticleException ex) {
			AdminPages.unprocessable(response);
			return editPage(model, csrfToken, tag, tag.tag(), ex.problems());
		}
	}

	private TagUsage existing(long id) {
		return taxonomy.tag(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such tag"));
	}

	private String listPage(Model model, CsrfToken csrfToken, String name, String slug, List<String> problems) {
		model.addAttribute("csrf", CsrfField.of(csrfToken));
		model.addAttribute("tags", taxonomy.tags());
		model.addAttribute("name", name);
		model.addAttribute("slug", slug);
		model.addAttribute("problems", problems);
		return "publishing/admin-tags";
	}

	/**
	 * The edit page, its form filled with {@code typed} (what was typed, or the tag as
	 * saved).
	 */
	private String editPage(Model model, CsrfToken csrfToken, TagUsage tag, Tag typed, List<String> problems) {
		model.addAttribute("csrf", CsrfField.of(csrfToken));
		model.addAttribute("tag", tag);
		model.addAttribute("others", taxonomy.tags().stream().filter(other -> other.id() != tag.id()).toList());
		model.addAttribute("typed", typed);
		model.addAttribute("problems", problems);
		return "publishing/admin-tag";
	}

}
