package org.backstory.members.web;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.members.SignedInMember;
import org.backstory.members.account.StaffChangeRefused;
import org.backstory.members.account.TwoFactor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The owner's two-factor controls on the staff page: requiring two-factor sign-in of all
 * staff (once the owner has it on), and turning it off for a staff member who lost both
 * their phone and their recovery codes. Both are audited. The security configuration
 * admits only the owner to {@code /admin/staff/**}.
 */
@Controller
class StaffTwoFactorController {

	private final TwoFactor twoFactor;

	StaffTwoFactorController(TwoFactor twoFactor) {
		this.twoFactor = twoFactor;
	}

	@PostMapping(StaffController.PATH + "/two-factor")
	ModelAndView require(@AuthenticationPrincipal SignedInMember owner,
			@RequestParam(defaultValue = "") String required, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		boolean require = "true".equals(required);
		try {
			twoFactor.requireOfStaff(owner.id(), require);
		}
		catch (StaffChangeRefused refused) {
			response.setStatus(Pages.UNPROCESSABLE);
			return Pages.message(model, "Two-factor sign-in is not required yet", refused.getMessage(),
					TwoFactorController.PATH, "Turn on two-factor sign-in");
		}
		redirect.addFlashAttribute("notice", require
				? "Two-factor sign-in is now required: staff without it are sent to set it up before any other admin page."
				: "Two-factor sign-in is no longer required of staff.");
		return Pages.redirect(StaffController.PATH);
	}

	@PostMapping(StaffController.PATH + "/{memberId}/two-factor/reset")
	ModelAndView reset(@AuthenticationPrincipal SignedInMember owner, @PathVariable long memberId,
			RedirectAttributes redirect) {
		StaffController.apply(() -> twoFactor.reset(owner.id(), memberId));
		redirect.addFlashAttribute("notice", "Two-factor sign-in turned off for them; they can set it up again.");
		return Pages.redirect(StaffController.PATH);
	}

}
