package org.backstory.publishing.web;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.publishing.Entities;
import org.backstory.publishing.Entity;
import org.backstory.publishing.InvalidArticleException;
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
 * Editors list, create, edit and delete entities (people, places, organisations), and
 * make one from a tag. Editors and up, as for tags (by the URL table).
 */
@Controller
class EntityAdminController {

	static final String PATH = "/admin/entities";

	private static final String ACTOR = "id()";

	private final Entities entities;

	EntityAdminController(Entities entities) {
		this.entities = entities;
	}

	@GetMapping(PATH)
	String list(CsrfToken csrfToken, Model model) {
		return listPage(model, csrfToken, EntityForm.empty(), List.of());
	}

	@PostMapping(PATH)
	Object create(EntityForm form, @AuthenticationPrincipal(expression = ACTOR) long actorId, CsrfToken csrfToken,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			Entity entity = entities.create(actorId, form.kind(), form.slugOrFromName(), form.name(), form.bio(),
					form.aliasList());
			redirect.addFlashAttribute("notice", entity.name() + " created.");
			return Responses.seeOther(PATH);
		}
		catch (InvalidArticleException ex) {
			AdminPages.unprocessable(response);
			return listPage(model, csrfToken, form, ex.problems());
		}
	}

	@PostMapping(PATH + "/from-tag")
	Object fromTag(@RequestParam(defaultValue = "0") long tag,
			@AuthenticationPrincipal(expression = ACTOR) long actorId, CsrfToken csrfToken, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			Entity entity = entities.createFromTag(actorId, tag);
			redirect.addFlashAttribute("notice", entity.name() + " created from the tag; check its kind and aliases.");
			return Responses.seeOther(PATH + "/" + entity.id());
		}
		catch (InvalidArticleException ex) {
			AdminPages.unprocessable(response);
			return listPage(model, csrfToken, EntityForm.empty(), ex.problems());
		}
	}

	@GetMapping(PATH + "/{id}")
	String edit(@PathVariable long id, CsrfToken csrfToken, Model model) {
		Entity entity = existing(id);
		return editPage(model, csrfToken, entity, EntityForm.of(entity), List.of());
	}

	@PostMapping(PATH + "/{id}")
	Object edit(@PathVariable long id, EntityForm form, @AuthenticationPrincipal(expression = ACTOR) long actorId,
			CsrfToken csrfToken, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Entity entity = existing(id);
		try {
			Entity saved = entities.edit(actorId, id, form.kind(), form.slugOrFromName(), form.name(), form.bio(),
					form.aliasList());
			redirect.addFlashAttribute("notice", saved.name() + " saved.");
			return Responses.seeOther(PATH + "/" + id);
		}
		catch (InvalidArticleException ex) {
			AdminPages.unprocessable(response);
			return editPage(model, csrfToken, entity, form, ex.problems());
		}
	}

	@PostMapping(PATH + "/{id}/delete")
	Object delete(@PathVariable long id, @AuthenticationPrincipal(expression = ACTOR) long actorId,
			RedirectAttributes redirect) {
		Entity entity = existing(id);
		entities.delete(actorId, id);
		redirect.addFlashAttribute("notice", entity.name() + " deleted.");
		return Responses.seeOther(PATH);
	}

	private Entity existing(long id) {
		return entities.entity(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such entity"));
	}

	private String listPage(Model model, CsrfToken csrfToken, EntityForm form, List<String> problems) {
		model.addAttribute("csrf", CsrfField.of(csrfToken));
		model.addAttribute("entities", entities.entities());
		model.addAttribute("form", form);
		model.addAttribute("problems", problems);
		return "publishing/admin-entities";
	}

	private String editPage(Model model, CsrfToken csrfToken, Entity entity, EntityForm form, List<String> problems) {
		model.addAttribute("csrf", CsrfField.of(csrfToken));
		model.addAttribute("entity", entity);
		model.addAttribute("form", form);
		model.addAttribute("problems", problems);
		return "publishing/admin-entity";
	}

}
