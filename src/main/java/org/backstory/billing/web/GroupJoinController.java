package org.backstory.billing.web;

import jakarta.servlet.http.HttpServletResponse;

import org.backstory.billing.group.GroupLicences;
import org.backstory.billing.group.GroupLinks;
import org.backstory.billing.group.InviteAcceptance;
import org.backstory.members.SignedInMember;
import org.backstory.shared.web.CsrfField;
import org.backstory.shared.web.Responses;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Taking a group seat through the invitation link ({@code /group/join/{token}}): a
 * visitor is asked to log in or sign up first and comes back; a signed-in member takes
 * the seat with one button. The link is the invitation, like a gift's redeem link: the
 * manager chose whom to send it to. A group's shareable link
 * ({@code /group/link/{token}}) works the same way for anyone who has it, while seats
 * last.
 */
@Controller
class GroupJoinController {

	/** Where a group's shareable invite link leads, before its token. */
	static final String LINK = "/group/link/";

	private static final String UNKNOWN = "This invitation isn't valid any more: it was used, withdrawn or has "
			+ "expired. Ask your group's manager for a new one.";

	private static final String LINK_UNKNOWN = "This invite link no longer works: the group's manager may have "
			+ "replaced or revoked it. Ask them for a new one.";

	private final GroupLicences groups;

	private final GroupLinks links;

	GroupJoinController(GroupLicences groups, GroupLinks links) {
		this.groups = groups;
		this.links = links;
	}

	@GetMapping("/group/join/{token}")
	String page(@PathVariable String token, @AuthenticationPrincipal @Nullable SignedInMember member,
			@Nullable CsrfToken csrfToken, Model model, HttpServletResponse response) {
		Responses.personal(response);
		String plan = groups.invitation(token).orElse(null);
		if (plan == null) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
		}
		return render(model, member == null ? null : csrfToken, "/group/join/" + token, plan,
				plan == null ? UNKNOWN : null);
	}

	@PostMapping("/group/join/{token}")
	Object join(@PathVariable String token, @AuthenticationPrincipal @Nullable SignedInMember member,
			CsrfToken csrfToken, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		if (member == null) {
			return Responses.seeOther(Pages.signIn("/login", "/group/join/" + token));
		}
		Responses.personal(response);
		return answer(groups.accept(token, member.id()), UNKNOWN, model, csrfToken, "/group/join/" + token,
				groups.invitation(token).orElse(null), response, redirect);
	}

	/** A group's shareable invite link: anyone may take a seat while seats last. */
	@GetMapping(LINK + "{token}")
	String linkPage(@PathVariable String token, @AuthenticationPrincipal @Nullable SignedInMember member,
			@Nullable CsrfToken csrfToken, Model model, HttpServletResponse response) {
		Responses.personal(response);
		String plan = links.groupPlan(token).orElse(null);
		if (plan == null) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
		}
		return render(model, member == null ? null : csrfToken, LINK + token, plan, plan == null ? LINK_UNKNOWN : null);
	}

	@PostMapping(LINK + "{token}")
	Object joinByLink(@PathVariable String token, @AuthenticationPrincipal @Nullable SignedInMember member,
			CsrfToken csrfToken, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		if (member == null) {
			return Responses.seeOther(Pages.signIn("/login", LINK + token));
		}
		Responses.personal(response);
		return answer(links.join(token, member.id()), LINK_UNKNOWN, model, csrfToken, LINK + token,
				links.groupPlan(token).orElse(null), response, redirect);
	}

	private static Object answer(InviteAcceptance accepted, String unknown, Model model, CsrfToken csrfToken,
			String path, @Nullable String plan, HttpServletResponse response, RedirectAttributes redirect) {
		if (accepted == InviteAcceptance.JOINED) {
			redirect.addFlashAttribute("notice", "You have joined the group: enjoy your reading.");
			return Responses.seeOther("/account");
		}
		response.setStatus(
				accepted == InviteAcceptance.UNKNOWN ? HttpStatus.NOT_FOUND.value() : HttpStatus.CONFLICT.value());
		String problem = switch (accepted) {
			case ALREADY_IN_A_GROUP -> "You already read through a group, so you can't take this seat too.";
			case ENDED -> "This group's subscription has ended.";
			case FULL -> "All seats of this group are taken. Ask the group's manager to add a seat or free one.";
			default -> unknown;
		};
		return render(model, csrfToken, path, plan, problem);
	}

	private static String render(Model model, @Nullable CsrfToken csrfToken, String path, @Nullable String plan,
			@Nullable String problem) {
		model.addAttribute("plan", plan);
		model.addAttribute("problem", problem);
		model.addAttribute("action", path);
		model.addAttribute("loginHref", Pages.signIn("/login", path));
		model.addAttribute("signupHref", Pages.signIn("/signup", path));
		model.addAttribute("csrf", csrfToken == null ? null : CsrfField.of(csrfToken));
		return "billing/group-join";
	}

}
