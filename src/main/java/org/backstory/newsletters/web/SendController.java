package org.backstory.newsletters.web;

import org.backstory.newsletters.InvalidNewsletterException;
import org.backstory.newsletters.NewsletterEngagement;
import org.backstory.newsletters.NewsletterSends;
import org.backstory.newsletters.Send;
import org.backstory.shared.web.CsrfField;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff's view of sends: the list, and each send's progress while it runs, its tally and
 * what readers did with it (delivered, bounced, complained, unsubscribed, and opened and
 * clicked when it was tracked).
 */
@Controller
class SendController {

	private static final int TOP_LINKS = 10;

	private final NewsletterSends sends;

	private final SendRows rows;

	private final NewsletterEngagement engagement;

	SendController(NewsletterSends sends, SendRows rows, NewsletterEngagement engagement) {
		this.sends = sends;
		this.rows = rows;
		this.engagement = engagement;
	}

	@GetMapping("/admin/newsletters/sends")
	String list(Model model) {
		model.addAttribute("sends", sends.recent(100).stream().map(rows::row).toList());
		return "newsletters/sends";
	}

	@GetMapping("/admin/newsletters/sends/{id}")
	String show(@PathVariable long id, CsrfToken csrfToken, Model model) {
		Send send = find(id);
		model.addAttribute("send", rows.row(send));
		model.addAttribute("failures", sends.failures(id, 100));
		model.addAttribute("editions", sends.editions(id));
		model.addAttribute("stats", engagement.ofSend(id).map(SendFigures::of).orElseThrow());
		model.addAttribute("links", engagement.topLinks(id, TOP_LINKS));
		model.addAttribute("csrf", CsrfField.of(csrfToken));
		return "newsletters/send";
	}

	@PostMapping("/admin/newsletters/sends/{id}/cancel")
	String cancel(@PathVariable long id, RedirectAttributes redirect) {
		find(id);
		try {
			sends.cancel(id, "Canceled by staff.");
			redirect.addFlashAttribute("notice", "The send is canceled; nobody was mailed.");
		}
		catch (InvalidNewsletterException ex) {
			redirect.addFlashAttribute("notice", String.join(" ", ex.problems()));
		}
		return "redirect:/admin/newsletters/sends/" + id;
	}

	/**
	 * The email as an edition's recipients see it, with sample links in place of their
	 * own.
	 */
	@GetMapping(value = "/admin/newsletters/sends/{id}/editions/{edition}", produces = "text/html;charset=UTF-8")
	@ResponseBody
	String edition(@PathVariable long id, @PathVariable String edition) {
		return sends.editionPreview(id, edition)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such edition"));
	}

	private Send find(long id) {
		return sends.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such send"));
	}

}
