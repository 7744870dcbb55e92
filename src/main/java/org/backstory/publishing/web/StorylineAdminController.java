package org.backstory.publishing.web;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.publishing.ArticleCatalog;
import org.backstory.publishing.EventDraft;
import org.backstory.publishing.InvalidArticleException;
import org.backstory.publishing.Storyline;
import org.backstory.publishing.StorylineEvents;
import org.backstory.publishing.StorylineFollowers;
import org.backstory.publishing.StorylineUsage;
import org.backstory.publishing.StorylineTaxonomy;
import org.backstory.shared.web.CsrfField;
import org.backstory.shared.web.Responses;
import org.jspecify.annotations.Nullable;
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
 * Editors list storylines, create them, change their title, slug and description, merge
 * them, and order their articles (move up, down, or to a numbered place). The page also
 * lists the storyline's events with a form to add one
 * ({@link StorylineEventAdminController} takes it). The actor is read as in
 * {@link TagAdminController}.
 */
@Controller
class StorylineAdminController {

	static final String PATH = "/admin/storylines";

	private static final String ACTOR = "id()";

	private final StorylineTaxonomy taxonomy;

	private final StorylineEvents events;

	private final StorylineFollowers followers;

	private final ArticleCatalog catalog;

	StorylineAdminController(StorylineTaxonomy taxonomy, StorylineEvents events, StorylineFollowers followers,
			ArticleCatalog catalog) {
		this.taxonomy = taxonomy;
		this.catalog = catalog;
		this.events = events;
		this.followers = followers;
	}

	@GetMapping(PATH)
	String list(CsrfToken csrfToken, Model model) {
		return listPage(model, csrfToken, new StorylineFields("", "", ""), List.of());
	}

	@PostMapping(PATH)
	Object create(@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String slug,
			@RequestParam(defaultValue = "") String description,
			@AuthenticationPrincipal(expression = ACTOR) long actorId, CsrfToken csrfToken, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			Storyline created = taxonomy.createStoryline(actorId, AdminPages.slugOr(slug, title), title, description);
			redirect.addFlashAttribute("notice", "Storyline " + created.title() + " created.");
			return Responses.seeOther(PATH + "/" + created.id());
		}
		catch (InvalidArticleException ex) {
			AdminPages.unprocessable(response);
			return listPage(model, csrfToken, new StorylineFields(title, slug, description), ex.problems());
		}
	}

	/**
	 * The page by id, or by slug (as editors type it): a slug answers 303 to the page by
	 * id, which renames keep.
	 */
	@GetMapping(PATH + "/{id}")
	Object edit(@PathVariable("id") String idOrSlug, @RequestParam(required = false) @Nullable Long cover,
			CsrfToken csrfToken, Model model) {
		if (!idOrSlug.chars().allMatch(Character::isDigit)) {
			return catalog.storyline(idOrSlug)
				.map(found -> Responses.seeOther(PATH + "/" + found.id()))
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such storyline"));
		}
		long id;
		try {
			id = Long.parseLong(idOrSlug);
		}
		catch (NumberFormatException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such storyline");
		}
		StorylineUsage storyline = existing(id);
		// "Add as an event" after publishing links here with the article to cover, and
		// the add form starts from it.
		model.addAttribute("draft", (cover == null ? Optional.<EventDraft>empty() : events.draftCovering(cover))
			.orElse(EventDraft.blank()));
		return editPage(model, csrfToken, storyline,
				new StorylineFields(storyline.title(), storyline.slug(), storyline.description()), List.of());
	}

	@PostMapping(PATH + "/{id}")
	Object save(@PathVariable long id, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String slug, @RequestParam(defaultValue = "") String description,
			@AuthenticationPrincipal(expression = ACTOR) long actorId, CsrfToken csrfToken, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		StorylineUsage storyline = existing(id);
		try {
			Storyline saved = taxonomy.editStoryline(actorId, id, AdminPages.slugOr(slug, title), title, description);
			redirect.addFlashAttribute("notice", "Storyline " + saved.title() + " saved.");
			return Responses.seeOther(PATH + "/" + id);
		}
		catch (InvalidArticleException ex) {
			AdminPages.unprocessable(response);
			return editPage(model, csrfToken, storyline, new StorylineFields(title, slug, description), ex.problems());
		}
	}

	@PostMapping(PATH + "/{id}/order")
	Object move(@PathVariable long id, @RequestParam(defaultValue = "0") long article,
			@RequestParam(defaultValue = "0") int position, @AuthenticationPrincipal(expression = ACTOR) long actorId,
			CsrfToken csrfToken, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		StorylineUsage storyline = existing(id);
		try {
			taxonomy.moveArticle(actorId, id, article, position);
			redirect.addFlashAttribute("notice", "Order saved.");
			return Responses.seeOther(PATH + "/" + id);
		}
		catch (InvalidArticleException ex) {
			return refused(model, csrfToken, storyline, ex, response);
		}
	}

	@PostMapping(PATH + "/{id}/merge")
	Object merge(@PathVariable long id, @RequestParam(defaultValue = "0") long into,
			@AuthenticationPrincipal(expression = ACTOR) long actorId, CsrfToken csrfToken, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		StorylineUsage storyline = existing(id);
		try {
			taxonomy.mergeStorylines(actorId, id, into);
			redirect.addFlashAttribute("notice", "Storyline " + storyline.title() + " merged into this one.");
			return Responses.seeOther(PATH + "/" + into);
		}
		catch (InvalidArticleException ex) {
			return refused(model, csrfToken, storyline, ex, response);
		}
	}

	private StorylineUsage existing(long id) {
		return taxonomy.storyline(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such storyline"));
	}

	private String refused(Model model, CsrfToken csrfToken, StorylineUsage storyline, InvalidArticleException ex,
			HttpServletResponse response) {
		AdminPages.unprocessable(response);
		return editPage(model, csrfToken, storyline,
				new StorylineFields(storyline.title(), storyline.slug(), storyline.description()), ex.problems());
	}

	private String listPage(Model model, CsrfToken csrfToken, StorylineFields fields, List<String> problems) {
		model.addAttribute("csrf", CsrfField.of(csrfToken));
		model.addAttribute("storylines", taxonomy.storylines());
		model.addAttribute("followers", followers.counts());
		model.addAttribute("fields", fields);
		model.addAttribute("problems", problems);
		return "publishing/admin-storylines";
	}

	private String editPage(Model model, CsrfToken csrfToken, StorylineUsage storyline, StorylineFields fields,
			List<String> problems) {
		model.addAttribute("csrf", CsrfField.of(csrfToken));
		model.addAttribute("storyline", storyline);
		model.addAttribute("followers", followers.counts().getOrDefault(storyline.id(), 0L));
		model.addAttribute("parts", taxonomy.parts(storyline.id()));
		model.addAttribute("events", events.events(storyline.id()));
		if (!model.containsAttribute("draft")) {
			model.addAttribute("draft", EventDraft.blank());
		}
		model.addAttribute("others",
				taxonomy.storylines().stream().filter(other -> other.id() != storyline.id()).toList());
		model.addAttribute("fields", fields);
		model.addAttribute("problems", problems);
		return "publishing/admin-storyline";
	}

}
