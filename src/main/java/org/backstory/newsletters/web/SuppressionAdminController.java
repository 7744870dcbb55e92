package org.backstory.newsletters.web;

import java.util.List;

import org.backstory.members.SignedInMember;
import org.backstory.newsletters.Suppression;
import org.backstory.newsletters.Suppressions;
import org.backstory.shared.Dates;
import org.backstory.shared.web.CsrfField;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The suppression list for staff, newest first, 50 to a page, with a button to lift one
 * suppression, for instance after a member phoned to say their mailbox works again.
 */
@Controller
class SuppressionAdminController {

	static final String PATH = "/admin/newsletters/suppressions";

	static final int PAGE_SIZE = 50;

	private static final Logger log = LoggerFactory.getLogger(SuppressionAdminController.class);

	private final Suppressions suppressions;

	SuppressionAdminController(Suppressions suppressions) {
		this.suppressions = suppressions;
	}

	@GetMapping(PATH)
	String list(@RequestParam(defaultValue = "1") int page, CsrfToken csrfToken, Model model) {
		long total = suppressions.count();
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		int shown = Math.min(Math.max(page, 1), pages);
		List<SuppressionRow> rows = suppressions.newestFirst((shown - 1) * PAGE_SIZE, PAGE_SIZE)
			.stream()
			.map(SuppressionAdminController::row)
			.toList();
		model.addAttribute("rows", rows);
		model.addAttribute("total", total);
		model.addAttribute("page", shown);
		model.addAttribute("pages", pages);
		model.addAttribute("csrf", CsrfField.of(csrfToken));
		return "newsletters/admin-suppressions";
	}

	@PostMapping(PATH + "/remove")
	RedirectView remove(@RequestParam String address, @RequestParam(defaultValue = "1") int page,
			@AuthenticationPrincipal SignedInMember staff, RedirectAttributes redirect) {
		boolean lifted = suppressions.lift(address);
		if (lifted) {
			log.info("Suppression lifted by staff staff={}", staff.id());
		}
		redirect.addFlashAttribute("notice",
				lifted ? address + " gets newsletters again." : address + " was not on the list.");
		RedirectView view = new RedirectView(PATH + (page > 1 ? "?page=" + page : ""), true);
		view.setExposeModelAttributes(false);
		view.setStatusCode(HttpStatus.SEE_OTHER);
		return view;
	}

	private static SuppressionRow row(Suppression suppression) {
		return new SuppressionRow(suppression.address(), suppression.reason().label(), suppression.detail(),
				Dates.staffTime(suppression.since()));
	}

}
