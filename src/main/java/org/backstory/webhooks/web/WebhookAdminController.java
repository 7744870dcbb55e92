package org.backstory.webhooks.web;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.members.SignedInMember;
import org.backstory.shared.Dates;
import org.backstory.shared.web.CsrfField;
import org.backstory.shared.web.Responses;
import org.backstory.webhooks.Delivery;
import org.backstory.webhooks.Hook;
import org.backstory.webhooks.WebhookEvent;
import org.backstory.webhooks.Webhooks;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
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
 * The webhooks pages: every webhook with a form for a new one (its secret shown once, on
 * the answer to the form), and a webhook's page with its deliveries, each of which can be
 * sent again. Owner and administrators only: a webhook sends member data out of the site.
 */
@Controller
@PreAuthorize("hasRole('ADMINISTRATOR')")
class WebhookAdminController {

	private static final String PATH = "/admin/webhooks";

	private final Webhooks webhooks;

	WebhookAdminController(Webhooks webhooks) {
		this.webhooks = webhooks;
	}

	@GetMapping(PATH)
	String list(CsrfToken csrfToken, Model model, HttpServletResponse response) {
		Responses.personal(response);
		return render(model, csrfToken, "", "", "", Map.of());
	}

	@PostMapping(PATH)
	String add(@RequestParam(defaultValue = "") String event, @RequestParam(defaultValue = "") String targetUrl,
			@RequestParam(defaultValue = "") String name, @AuthenticationPrincipal SignedInMember staff,
			CsrfToken csrfToken, Model model, HttpServletResponse response) {
		Responses.personal(response);
		Webhooks.Added added = webhooks.add(event, targetUrl, name, staff.id());
		if (added.hook() == null) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return render(model, csrfToken, event, targetUrl, name, added.problems());
		}
		model.addAttribute("hook", row(added.hook()));
		model.addAttribute("secret", added.secret());
		return "webhooks/added";
	}

	@GetMapping(PATH + "/{id}")
	String hook(@PathVariable long id, CsrfToken csrfToken, Model model, HttpServletResponse response) {
		Responses.personal(response);
		Hook hook = webhooks.hook(id).orElseThrow(WebhookAdminController::notFound);
		model.addAttribute("hook", row(hook));
		model.addAttribute("deliveries", webhooks.deliveries(id).stream().map(WebhookAdminController::row).toList());
		model.addAttribute("listed", Webhooks.LISTED_DELIVERIES);
		model.addAttribute("csrf", CsrfField.of(csrfToken));
		return "webhooks/hook";
	}

	@PostMapping(PATH + "/{id}/disable")
	Object disable(@PathVariable long id, @AuthenticationPrincipal SignedInMember staff, RedirectAttributes redirect) {
		return setActive(id, false, staff, redirect);
	}

	@PostMapping(PATH + "/{id}/enable")
	Object enable(@PathVariable long id, @AuthenticationPrincipal SignedInMember staff, RedirectAttributes redirect) {
		return setActive(id, true, staff, redirect);
	}

	@PostMapping(PATH + "/{id}/delete")
	Object delete(@PathVariable long id, @AuthenticationPrincipal SignedInMember staff, RedirectAttributes redirect) {
		if (!webhooks.delete(id, staff.id())) {
			throw notFound();
		}
		redirect.addFlashAttribute("notice", "Webhook deleted, with its deliveries.");
		return Responses.seeOther(PATH);
	}

	@PostMapping(PATH + "/{id}/deliveries/{deliveryId}/send-again")
	Object sendAgain(@PathVariable long id, @PathVariable long deliveryId,
			@AuthenticationPrincipal SignedInMember staff, RedirectAttributes redirect) {
		if (!webhooks.sendAgain(id, deliveryId, staff.id())) {
			throw notFound();
		}
		redirect.addFlashAttribute("notice", "Queued to be sent again; it is listed at the top.");
		return Responses.seeOther(PATH + "/" + id);
	}

	private Object setActive(long id, boolean active, SignedInMember staff, RedirectAttributes redirect) {
		if (!webhooks.setActive(id, active, staff.id())) {
			throw notFound();
		}
		redirect.addFlashAttribute("notice", active ? "Webhook enabled." : "Webhook disabled: nothing is sent to it.");
		return Responses.seeOther(PATH + "/" + id);
	}

	private String render(Model model, CsrfToken csrfToken, String event, String targetUrl, String name,
			Map<String, String> errors) {
		model.addAttribute("hooks", webhooks.hooks().stream().map(WebhookAdminController::row).toList());
		model.addAttribute("events", events());
		model.addAttribute("event", event);
		model.addAttribute("targetUrl", targetUrl);
		model.addAttribute("name", name);
		model.addAttribute("errors", errors);
		model.addAttribute("csrf", CsrfField.of(csrfToken));
		return "webhooks/list";
	}

	private static List<EventChoice> events() {
		return Arrays.stream(WebhookEvent.values())
			.map(event -> new EventChoice(event.key(), event.description()))
			.toList();
	}

	private static HookRow row(Hook hook) {
		String state = hook.active() ? "active" : "disabled: " + hook.disabledReason();
		return new HookRow(hook.id(), hook.event(), hook.targetUrl(), hook.name(), hook.active(), state,
				hook.lastAttemptAt() == null ? "never" : when(hook.lastAttemptAt()));
	}

	private static DeliveryRow row(Delivery delivery) {
		String detail = delivery.error() != null ? delivery.error()
				: delivery.nextAttemptAt() != null && delivery.attempts() > 0
						? "next attempt " + when(delivery.nextAttemptAt()) : "";
		return new DeliveryRow(delivery.id(), delivery.event(), when(delivery.createdAt()), delivery.status(),
				delivery.responseCode() == null ? "none" : String.valueOf(delivery.responseCode()), delivery.attempts(),
				detail);
	}

	private static String when(@Nullable Instant instant) {
		return instant == null ? "" : Dates.sortableSecond(instant);
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "no such webhook or delivery");
	}

}
