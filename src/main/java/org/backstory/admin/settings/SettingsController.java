package org.backstory.admin.settings;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.members.MemberRole;
import org.backstory.members.SignedInMember;
import org.backstory.shared.web.CsrfField;
import org.backstory.shared.web.Responses;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The settings page ({@code /admin/settings}, administrators and the owner): the
 * publication's name, tagline, logo, accent colour and legal details, the house format's
 * section labels, metering and the grace period, with links to the pages for plans,
 * newsletters and staff.
 */
@Controller
class SettingsController {

	private static final String PATH = "/admin/settings";

	private final SiteSettings settings;

	SettingsController(SiteSettings settings) {
		this.settings = settings;
	}

	@GetMapping(PATH)
	String show(@AuthenticationPrincipal SignedInMember staff, CsrfToken csrfToken, Model model,
			HttpServletResponse response) {
		return render(model, staff, csrfToken, SettingsForm.of(settings), Map.of(), response);
	}

	@PostMapping(PATH)
	Object save(SettingsForm form, @AuthenticationPrincipal SignedInMember staff, CsrfToken csrfToken, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		SettingsForm filled = form.withLabelsOr(settings.labels())
			.withAnonymousReadsOr(settings.anonymousReadsPerMonth());
		SettingsForm.Checked checked = filled.check();
		if (checked.change() == null) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return render(model, staff, csrfToken, filled, checked.errors(), response);
		}
		boolean saved = settings.save(checked.change(), staff.id());
		redirect.addFlashAttribute("notice", saved ? "Settings saved." : "Nothing to change.");
		RedirectView back = new RedirectView(PATH, true);
		back.setStatusCode(HttpStatus.SEE_OTHER);
		return back;
	}

	private String render(Model model, SignedInMember staff, CsrfToken csrfToken, SettingsForm form,
			Map<String, String> errors, HttpServletResponse response) {
		Responses.personal(response);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("defaults", new SettingsDefaults(settings.defaultFreeReadsPerMonth(),
				SiteSettings.days(settings.defaultGracePeriod()), SiteSettings.days(settings.gracePeriod())));
		model.addAttribute("owner", staff.role() == MemberRole.OWNER);
		model.addAttribute("csrf", CsrfField.of(csrfToken));
		return "admin/settings";
	}

}
