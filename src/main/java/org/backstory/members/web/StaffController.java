package org.backstory.members.web;

import java.time.Instant;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.members.MemberRole;
import org.backstory.members.SignedInMember;
import org.backstory.members.account.AccountSettings;
import org.backstory.members.account.MemberRepository;
import org.backstory.members.account.OwnershipTransfer;
import org.backstory.members.account.StaffChangeRefused;
import org.backstory.members.account.StaffInvite;
import org.backstory.members.account.StaffInvites;
import org.backstory.members.account.StaffMember;
import org.backstory.members.account.StaffRoster;
import org.backstory.members.account.TwoFactor;
import org.backstory.shared.Dates;
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
 * The owner's staff page: who is on the staff and in which role, changing a role or
 * taking someone off the staff, invites (send, list the open ones, revoke), handing
 * ownership to a staff member, and who has two-factor sign-in on
 * ({@link StaffTwoFactorController} takes its forms). The security configuration admits
 * only the owner to {@code /admin/staff/**}.
 */
@Controller
class StaffController {

	static final String PATH = "/admin/staff";

	private static final String CHOOSE_ROLE = "Choose contributor, author, editor or administrator.";

	private final StaffRoster roster;

	private final StaffInvites invites;

	private final OwnershipTransfer transfers;

	private final MemberRepository members;

	private final TwoFactor twoFactor;

	StaffController(StaffRoster roster, StaffInvites invites, OwnershipTransfer transfers, MemberRepository members,
			TwoFactor twoFactor) {
		this.roster = roster;
		this.invites = invites;
		this.transfers = transfers;
		this.members = members;
		this.twoFactor = twoFactor;
	}

	@GetMapping(PATH)
	String list(@AuthenticationPrincipal SignedInMember owner, CsrfToken csrfToken, Model model) {
		return page(model, csrfToken, owner, "", MemberRole.CONTRIBUTOR, null, null);
	}

	@PostMapping(PATH + "/invites")
	ModelAndView invite(@AuthenticationPrincipal SignedInMember owner, @RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "") String role, CsrfToken csrfToken, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		MemberRole chosen = role(role);
		if (chosen == null) {
			return rejected(model, csrfToken, owner, email, null, CHOOSE_ROLE, null, response);
		}
		try {
			StaffInvite invite = invites.invite(owner.id(), email, chosen);
			redirect.addFlashAttribute("notice", "Invite sent to " + invite.email() + ".");
			return Pages.redirect(PATH);
		}
		catch (StaffChangeRefused refused) {
			return rejected(model, csrfToken, owner, email, chosen, refused.getMessage(), null, response);
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

	/**
	 * Hands ownership to a staff member, confirmed with the owner's password; the owner
	 * becomes an administrator, so the answer is a page of its own rather than the staff
	 * page they may no longer open.
	 */
	@PostMapping(PATH + "/transfer")
	ModelAndView transfer(@AuthenticationPrincipal SignedInMember owner,
			@RequestParam(defaultValue = "0") long memberId,
			@RequestParam(required = false) @Nullable String confirmation, CsrfToken csrfToken, Model model,
			HttpServletResponse response) {
		AccountSettings.Outcome outcome;
		try {
			outcome = transfers.transfer(owner.id(), memberId, confirmation);
		}
		catch (StaffChangeRefused refused) {
			if (refused.reason() != StaffChangeRefused.Reason.INVALID) {
				throw answer(refused);
			}
			return rejected(model, csrfToken, owner, "", MemberRole.CONTRIBUTOR, null, refused.getMessage(), response);
		}
		return switch (outcome) {
			case DONE -> Pages.message(model, "Ownership handed over",
					"The publication has a new owner, and you are an administrator now.", "/admin",
					"Back to the admin");
			case WRONG_CONFIRMATION -> rejected(model, csrfToken, owner, "", MemberRole.CONTRIBUTOR, null,
					Pages.wrongConfirmation(hasPassword(owner)), response);
			case THROTTLED ->
				rejected(model, csrfToken, owner, "", MemberRole.CONTRIBUTOR, null, Pages.THROTTLED, response);
		};
	}

	/** Runs a change; a refusal answers with its status and reason. */
	static void apply(Runnable change) {
		try {
			change.run();
		}
		catch (StaffChangeRefused refused) {
			throw answer(refused);
		}
	}

	/** The answer to a refusal: its status and reason. */
	private static ResponseStatusException answer(StaffChangeRefused refused) {
		HttpStatus status = switch (refused.reason()) {
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case FORBIDDEN -> HttpStatus.FORBIDDEN;
			case INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
		};
		return new ResponseStatusException(status, refused.getMessage());
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

	private ModelAndView rejected(Model model, CsrfToken csrfToken, SignedInMember owner, String email,
			@Nullable MemberRole role, @Nullable String error, @Nullable String transferError,
			HttpServletResponse response) {
		response.setStatus(Pages.UNPROCESSABLE);
		return new ModelAndView(page(model, csrfToken, owner, email, role, error, transferError));
	}

	private String page(Model model, CsrfToken csrfToken, SignedInMember owner, String email, @Nullable MemberRole role,
			@Nullable String error, @Nullable String transferError) {
		model.addAttribute("staff", roster.staff().stream().map(StaffController::row).toList());
		model.addAttribute("twoFactorOn", twoFactor.membersWithTwoFactor());
		model.addAttribute("twoFactorRequired", twoFactor.requiredOfStaff());
		model.addAttribute("ownerHasPassword", hasPassword(owner));
		model.addAttribute("transferError", transferError);
		model.addAttribute("invites", invites.open().stream().map(StaffController::row).toList());
		model.addAttribute("roles", StaffRoster.assignableRoles());
		model.addAttribute("email", email);
		model.addAttribute("role", role);
		model.addAttribute("error", error);
		model.addAttribute("csrf", CsrfField.of(csrfToken));
		return "members/admin-staff";
	}

	private boolean hasPassword(SignedInMember owner) {
		return members.findById(owner.id()).map(member -> member.hasPassword()).orElse(false);
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
		return Dates.readerDate(instant);
	}

}
