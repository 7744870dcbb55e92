package org.backstory.email.web;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The outbox: every message the app has queued, newest first, and (for the owner) one
 * message in full; and the latest newsletter messages written to the dev outbox folder.
 * Message bodies carry sign-in and password-reset links, so only the owner may open them;
 * otherwise any staff user could take over another account, the owner's included.
 */
@Controller
class OutboxAdminController {

	private final OutboxMessages messages;

	private final NewsletterOutboxFiles newsletters;

	OutboxAdminController(OutboxMessages messages, NewsletterOutboxFiles newsletters) {
		this.messages = messages;
		this.newsletters = newsletters;
	}

	@GetMapping("/admin/email/outbox")
	String outbox(Model model) {
		model.addAttribute("messages", messages.latest(200));
		model.addAttribute("newsletters", newsletters.latest(50));
		return "email/outbox";
	}

	@GetMapping("/admin/email/outbox/{id}")
	@PreAuthorize("hasRole('OWNER')")
	String message(@PathVariable long id, Model model) {
		model.addAttribute("message",
				messages.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		return "email/outbox-message";
	}

}
