package org.backstory.newsletters.web;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberProfile;
import org.backstory.members.SignedInMember;
import org.backstory.newsletters.Newsletters;
import org.backstory.newsletters.OptIns;
import org.backstory.shared.web.Responses;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import org.springframework.web.servlet.view.RedirectView;

/**
 * Staff see which newsletters a member gets and change it, e.g. when the member asks by
 * mail.
 */
@Controller
class MemberNewslettersAdminController {

	private static final Logger log = LoggerFactory.getLogger(MemberNewslettersAdminController.class);

	private final MemberDirectory members;

	private final Newsletters newsletters;

	private final OptIns optIns;

	MemberNewslettersAdminController(MemberDirectory members, Newsletters newsletters, OptIns optIns) {
		this.members = members;
		this.newsletters = newsletters;
		this.optIns = optIns;
	}

	/** Finds a member by address and goes to their newsletters. */
	@GetMapping(NewsletterAdminController.PATH + "/members")
	Object find(@RequestParam(defaultValue = "") String email, Model model, HttpServletResponse response) {
		Responses.personal(response);
		Optional<MemberProfile> member = email.isBlank() ? Optional.empty() : members.findByEmail(email);
		if (member.isEmpty()) {
			return Pages.message(model, response, HttpStatus.NOT_FOUND, "No such member",
					"No member has the address " + email + ".", NewsletterAdminController.PATH, "Newsletters");
		}
		return Responses.seeOther(path(member.get().id()));
	}

	@GetMapping("/admin/members/{memberId}/newsletters")
	String choices(@PathVariable long memberId, CsrfToken csrfToken, Model model, HttpServletResponse response) {
		Responses.personal(response);
		MemberProfile member = profile(memberId);
		return new ChoicePage("Newsletters for " + member.name(), member.email() + " gets the ticked newsletters.",
				path(memberId), NewsletterChoice.of(newsletters.all(), optIns.of(memberId)),
				NewsletterAdminController.PATH, "All newsletters")
			.render(model, csrfToken);
	}

	@PostMapping("/admin/members/{memberId}/newsletters")
	RedirectView choose(@PathVariable long memberId,
			@RequestParam(name = "newsletter", required = false) @Nullable List<@Nullable Long> chosen,
			@AuthenticationPrincipal SignedInMember staff, RedirectAttributes redirect) {
		profile(memberId);
		optIns.choose(memberId, NewsletterChoice.ticked(chosen));
		log.info("Newsletters changed by staff staff={} member={}", staff.id(), memberId);
		redirect.addFlashAttribute("notice", "The member's newsletters are saved.");
		return Responses.seeOther(path(memberId));
	}

	private MemberProfile profile(long memberId) {
		return members.profile(memberId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such member"));
	}

	private static String path(long memberId) {
		return "/admin/members/" + memberId + "/newsletters";
	}

}
