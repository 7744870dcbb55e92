package org.backstory.publishing.web;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.publishing.EventDraft;
import org.backstory.publishing.InvalidArticleException;
import org.backstory.publishing.StorylineEvent;
import org.backstory.publishing.StorylineEvents;
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
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Editors add, change and delete a storyline's events. The list and the "add" form are on
 * the storyline's own page ({@link StorylineAdminController}); a refused form comes back
 * on the event page with its message and a 422.
 */
@Controller
class StorylineEventAdminController {

	private static final String EVENTS = StorylineAdminController.PATH + "/{id}/events";

	private static final String ACTOR = "id()";

	private final StorylineTaxonomy taxonomy;

	private final StorylineEvents events;

	StorylineEventAdminController(StorylineTaxonomy taxonomy, StorylineEvents events) {
		this.taxonomy = taxonomy;
		this.events = events;
	}

	@PostMapping(EVENTS)
	Object add(@PathVariable long id, @ModelAttribute EventForm form,
			@AuthenticationPrincipal(expression = ACTOR) long actorId, CsrfToken csrfToken, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		StorylineUsage storyline = existing(id);
		try {
			StorylineEvent added = events.add(actorId, id, form.draft());
			redirect.addFlashAttribute("notice", "Event \"" + added.summary() + "\" added.");
			return Responses.seeOther(StorylineAdminController.PATH + "/" + id + "#events");
		}
		catch (InvalidArticleException ex) {
			AdminPages.unprocessable(response);
			return eventPage(model, csrfToken, storyline, null, form.draft(), ex);
		}
	}

	@GetMapping(EVENTS + "/{eventId}")
	String edit(@PathVariable long id, @PathVariable long eventId, CsrfToken csrfToken, Model model) {
		StorylineUsage storyline = existing(id);
		StorylineEvent event = existingEvent(id, eventId);
		return eventPage(model, csrfToken, storyline, event, events.draftOf(event), null);
	}

	@PostMapping(EVENTS + "/{eventId}")
	Object save(@PathVariable long id, @PathVariable long eventId, @ModelAttribute EventForm form,
			@AuthenticationPrincipal(expression = ACTOR) long actorId, CsrfToken csrfToken, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		StorylineUsage storyline = existing(id);
		StorylineEvent event = existingEvent(id, eventId);
		try {
			StorylineEvent saved = events.edit(actorId, id, eventId, form.draft());
			redirect.addFlashAttribute("notice", "Event \"" + saved.summary() + "\" saved.");
			return Responses.seeOther(StorylineAdminController.PATH + "/" + id + "#events");
		}
		catch (InvalidArticleException ex) {
			AdminPages.unprocessable(response);
			return eventPage(model, csrfToken, storyline, event, form.draft(), ex);
		}
	}

	@PostMapping(EVENTS + "/{eventId}/delete")
	Object delete(@PathVariable long id, @PathVariable long eventId,
			@AuthenticationPrincipal(expression = ACTOR) long actorId, RedirectAttributes redirect) {
		existing(id);
		StorylineEvent event = existingEvent(id, eventId);
		events.delete(actorId, id, eventId);
		redirect.addFlashAttribute("notice", "Event \"" + event.summary() + "\" deleted.");
		return Responses.seeOther(StorylineAdminController.PATH + "/" + id + "#events");
	}

	private StorylineUsage existing(long id) {
		return taxonomy.storyline(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such storyline"));
	}

	private StorylineEvent existingEvent(long id, long eventId) {
		return events.event(id, eventId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such event"));
	}

	private String eventPage(Model model, CsrfToken csrfToken, StorylineUsage storyline, @Nullable StorylineEvent event,
			EventDraft draft, @Nullable InvalidArticleException refused) {
		model.addAttribute("csrf", CsrfField.of(csrfToken));
		model.addAttribute("storyline", storyline);
		model.addAttribute("action", StorylineAdminController.PATH + "/" + storyline.id() + "/events"
				+ (event == null ? "" : "/" + event.id()));
		model.addAttribute("draft", draft);
		model.addAttribute("problems", refused == null ? List.of() : refused.problems());
		return "publishing/admin-storyline-event";
	}

}
