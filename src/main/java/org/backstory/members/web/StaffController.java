package org.backstory.members.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.members.MemberRole;
import org.backstory.members.SignedInMember;
import org.backstory.members.account.StaffChangeRefused;
import org.backstory.members.account.StaffInvite;
import org.backstory.members.account.StaffInvites;
import org.backstory.members.account.StaffMember;
import org.backstory.members.account.StaffRoster;
import org.backstory.shared.web.CsrfField;
import org.jspecify.annotations.Nullable;
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
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The owner's staff page: who is on the staff and in which role, changing a role or taking someone off the
 * staff, and invites (send, list the open ones, revoke). The security configuration admits only the owner
 * to {@code /admin/staff/**}.
 */
@Controller
class StaffController {

	static final String PATH = "/admin/staff";

	private static final String CHOOSE_ROLE = "Choose contributor, author, editor or administrator.";

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private final StaffRoster roster;

	private final StaffInvites invites;

	StaffController(StaffRoster roster, StaffInvites invites) {
		this.roster = roster;
		this.invites = invites;
	}

	@GetMapping(PATH)
	String list(CsrfToken csrfToken, Model model) {
		return page(model, csrfToken, "", MemberRole.CONTRIBUTOR, null);
	}

	@PostMapping(PATH + "/invites")
	ModelAndView invite(@AuthenticationPrincipal SignedInMember owner, @RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "") String role, CsrfToken csrfToken, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		MemberRole chosen = role(role);
		if (chosen == null) {
			return rejected(model, csrfToken, email, null, CHOOSE_ROLE, response);
		}
		try {
			StaffInvite invite = invites.invite(owner.id(), email, chosen);
			redirect.addFlashAttribute("notice", "Invite sent to " + invite.email() + ".");
			return Pages.redirect(PATH);
		}
		catch (StaffChangeRefused refused) {
			return rejected(model, csrfToken, email, chosen, refused.getMessage(), response);
		}
	}

	@PostMapping(PATH + "/invites/{inviteId}/revoke")
	ModelAndView revoke(@AuthenticationPrincipal SignedInMember owner, @PathVariable long inviteId,
			RedirectAttributes redirect) {
		apply(() -> invites.revoke(owner.id(), inviteId));
		redirect.addFlashAttribute("notice", "Invite revoked: its link no longer works.");
		return Pages.redirect(PATH);
	}

	@PostMapping(PATH + "/{memberId}/role")
	ModelAndView changeRole(@AuthenticationPrincipal SignedInMember owner, @PathVariable long memberId,
			@RequestParam(defaultValue = "") String role, RedirectAttributes redirect) {
		MemberRole chosen = required(role(role));
		apply(() -> roster.changeRole(owner.id(), memberId, chosen));
		redirect.addFlashAttribute("notice", "Role changed. It applies from their next page view.");
		return Pages.redirect(PATH);
	}

	@PostMapping(PATH + "/{memberId}/remove")
	ModelAndView remove(@AuthenticationPrincipal SignedInMember owner, @PathVariable long memberId,
			RedirectAttributes redirect) {
		apply(() -> roster.remove(owner.id(), memberId));
		redirect.addFlashAttribute("notice", "Removed from the staff. They keep their account as a member.");
		return Pages.redirect(PATH);
	}

	/** Runs a change; a refusal answers with its status and reason. */
	private static void apply(Runnable change) {
		try {
			change.run();
		}
		catch (StaffChangeRefused refused) {
			HttpStatus status = switch (refused.reason()) {
				case NOT_FOUND -> HttpStatus.NOT_FOUND;
				case FORBIDDEN -> HttpStatus.FORBIDDEN;
				case INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
			};
			throw new ResponseStatusException(status, refused.getMessage());
		}
	}

	private static MemberRole required(@Nullable MemberRole role) {
		if (role == null) {
			throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, CHOOSE_ROLE);
		}
		return role;
	}

	private static @Nullable MemberRole role(String name) {
		return StaffRoster.assignableRoles().stream().filter(role -> role.name().equals(name)).findFirst().orElse(null);
	}

	private ModelAndView rejected(Model model, CsrfToken csrfToken, String email, @Nullable MemberRole role,
			String error, HttpServletResponse response) {
		response.setStatus(Pages.UNPROCESSABLE);
		return new ModelAndView(page(model, csrfToken, email, role, error));
	}

	private String page(Model model, CsrfToken csrfToken, String email, @Nullable MemberRole role,
			@Nullable String error) {
		model.addAttribute("staff", roster.staff().stream().map(StaffController::row).toList());
		model.addAttribute("invites", invites.open().stream().map(StaffController::row).toList());
		model.addAttribute("roles", StaffRoster.assignableRoles());
		model.addAttribute("email", email);
		model.addAttribute("role", role);
		model.addAttribute("error", error);
		model.addAttribute("csrf", CsrfField.of(csrfToken));
		return "members/admin-staff";
	}

	private static StaffRow row(StaffMember member) {
		return new StaffRow(member.id(), member.name(), member.email(), member.role(), day(member.since()),
				member.role() == MemberRole.OWNER);
	}

	private static InviteRow row(StaffInvite invite) {
		return new InviteRow(invite.id(), invite.email(), invite.role(), day(invite.createdAt()),
				day(invite.expiresAt()));
	}

	private static String day(Instant instant) {
		return DAY.format(instant);
	}

}
