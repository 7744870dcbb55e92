package org.backstory.admin.members.web;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.members.MemberListing;
import org.backstory.members.MemberRole;
import org.backstory.members.MemberRoster;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A member's staff page: profile, billing, newsletters, messages sent, and staff's note
 * and labels; for administrators also the actions. Comps, cancellations and refunds post
 * to billing's own staff endpoints (one code path), which come back here.
 */
@Controller
class MemberPageController {

	private final MemberRoster roster;

	private final MemberPages pages;

	MemberPageController(MemberRoster roster, MemberPages pages) {
		this.roster = roster;
		this.pages = pages;
	}

	@GetMapping("/admin/members/{memberId}")
	String member(@PathVariable long memberId, @AuthenticationPrincipal SignedInMember staff, CsrfToken csrfToken,
			Model model, HttpServletResponse response) {
		Responses.personal(response);
		return render(model, csrfToken, staff, find(memberId), null);
	}

	@PostMapping("/admin/members/{memberId}/note")
	Object note(@PathVariable long memberId, @RequestParam(defaultValue = "") String note,
			@AuthenticationPrincipal SignedInMember staff, CsrfToken csrfToken, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		MemberListing member = find(memberId);
		if (note.length() > MemberRoster.NOTE_MAX_LENGTH) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("draftNote", note);
			return render(model, csrfToken, staff, member,
					"The note is too long (at most " + MemberRoster.NOTE_MAX_LENGTH + " characters).");
		}
		roster.changeNote(staff.id(), memberId, note.strip());
		redirect.addFlashAttribute("notice", "The note is saved.");
		return Responses.seeOther(path(memberId));
	}

	@PostMapping("/admin/members/{memberId}/labels")
	Object addLabel(@PathVariable long memberId, @RequestParam(defaultValue = "") String label,
			@AuthenticationPrincipal SignedInMember staff, CsrfToken csrfToken, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		MemberListing member = find(memberId);
		var problem = MemberRoster.labelProblem(label);
		if (problem.isPresent()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("draftLabel", label);
			return render(model, csrfToken, staff, member, problem.get());
		}
		roster.addLabel(staff.id(), memberId, label);
		redirect.addFlashAttribute("notice", "Labelled " + label.strip() + ".");
		return Responses.seeOther(path(memberId));
	}

	@PostMapping("/admin/members/{memberId}/labels/remove")
	Object removeLabel(@PathVariable long memberId, @RequestParam String label,
			@AuthenticationPrincipal SignedInMember staff, RedirectAttributes redirect) {
		find(memberId);
		roster.removeLabel(staff.id(), memberId, label);
		redirect.addFlashAttribute("notice", "Label " + label + " removed.");
		return Responses.seeOther(path(memberId));
	}

	/** Asks before deleting: the administrator types the member's address. */
	@GetMapping("/admin/members/{memberId}/delete")
	String confirmDelete(@PathVariable long memberId, @AuthenticationPrincipal SignedInMember staff,
			CsrfToken csrfToken, Model model, HttpServletResponse response) {
		requireAdministrator(staff);
		Responses.personal(response);
		return deletePage(model, csrfToken, find(memberId), null);
	}

	@PostMapping("/admin/members/{memberId}/delete")
	Object delete(@PathVariable long memberId, @RequestParam(defaultValue = "") String email,
			@AuthenticationPrincipal SignedInMember staff, CsrfToken csrfToken, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		MemberListing member = find(memberId);
		if (member.role().staff()) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return deletePage(model, csrfToken, member, "This is a staff account: remove it from the staff first.");
		}
		if (!email.strip().equalsIgnoreCase(member.email())) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return deletePage(model, csrfToken, member, "Type the member's email address to confirm.");
		}
		roster.delete(staff.id(), memberId);
		redirect.addFlashAttribute("notice", member.email() + " is deleted, with their personal data.");
		return Responses.seeOther("/admin/members");
	}

	private String render(Model model, CsrfToken csrfToken, SignedInMember staff, MemberListing member,
			@Nullable String error) {
		boolean canChange = staff.role().atLeast(MemberRole.ADMINISTRATOR);
		model.addAttribute("page", pages.view(member, canChange));
		model.addAttribute("error", error);
		if (canChange) {
			model.addAttribute("csrf", CsrfField.of(csrfToken));
		}
		return "admin/members/member";
	}

	private String deletePage(Model model, CsrfToken csrfToken, MemberListing member, @Nullable String error) {
		model.addAttribute("memberId", member.id());
		model.addAttribute("email", member.email());
		model.addAttribute("name", member.name());
		model.addAttribute("staffAccount", member.role().staff());
		model.addAttribute("error", error);
		model.addAttribute("csrf", CsrfField.of(csrfToken));
		return "admin/members/delete";
	}

	private MemberListing find(long memberId) {
		return roster.find(memberId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such member"));
	}

	private static void requireAdministrator(SignedInMember staff) {
		if (!staff.role().atLeast(MemberRole.ADMINISTRATOR)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "only administrators delete members");
		}
	}

	static String path(long memberId) {
		return "/admin/members/" + memberId;
	}

}
