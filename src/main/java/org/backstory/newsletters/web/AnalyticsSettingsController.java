package org.backstory.newsletters.web;

import org.backstory.members.SignedInMember;
import org.backstory.newsletters.AnalyticsSettings;
import org.backstory.shared.web.CsrfField;
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
 * The owner's switch for newsletter open and click tracking
 * ({@code /admin/settings/newsletter-analytics}, owner only by the URL rules): off until
 * turned on, and it applies to sends that start afterwards.
 */
@Controller
class AnalyticsSettingsController {

	static final String PATH = "/admin/settings/newsletter-analytics";

	private final AnalyticsSettings settings;

	AnalyticsSettingsController(AnalyticsSettings settings) {
		this.settings = settings;
	}

	@GetMapping(PATH)
	String show(CsrfToken csrfToken, Model model) {
		model.addAttribute("tracking", settings.tracking());
		model.addAttribute("csrf", CsrfField.of(csrfToken));
		return "newsletters/analytics-settings";
	}

	/** An unticked box sends nothing, so no {@code tracking} parameter means off. */
	@PostMapping(PATH)
	RedirectView save(@RequestParam(defaultValue = "false") boolean tracking,
			@AuthenticationPrincipal SignedInMember staff, RedirectAttributes redirect) {
		boolean changed = settings.setTracking(tracking, staff.id());
		redirect.addFlashAttribute("notice",
				!changed ? "Nothing to change." : tracking ? "Tracking is on for sends that start from now on."
						: "Tracking is off: sends that start from now on carry no pixel and no tracked links.");
		RedirectView back = new RedirectView(PATH, true);
		back.setStatusCode(HttpStatus.SEE_OTHER);
		return back;
	}

}
