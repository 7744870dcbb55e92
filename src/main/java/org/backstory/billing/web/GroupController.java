package org.backstory.billing.web;

import java.time.Clock;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;

import org.backstory.billing.Money;
import org.backstory.billing.group.GroupChange;
import org.backstory.billing.group.GroupLicences;
import org.backstory.billing.invoice.GroupInvoices;
import org.backstory.billing.group.GroupView;
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
 * The manager's page of a group licence ({@code /account/group}): seats used, included
 * and bought, the readers, the open invitations, the domains and the next bill; inviting
 * by email, giving a domain, and taking seats back. Only the member whose subscription it
 * is manages a group: anyone else gets 404 here, so no other group can be reached.
 */
@Controller
class GroupController {

	static final String PATH = "/account/group";

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}");

	private static final Pattern DOMAIN = Pattern
		.compile("(?=.{3,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");

	private final GroupLicences groups;

	private final GroupInvoices invoices;

	private final Clock clock;

	GroupController(GroupLicences groups, GroupInvoices invoices, Clock clock) {
		this.groups = groups;
		this.invoices = invoices;
		this.clock = clock;
	}

	@GetMapping(PATH)
	String page(@AuthenticationPrincipal SignedInMember member, CsrfToken csrfToken, Model model,
			HttpServletResponse response) {
		Responses.personal(response);
		GroupView group = managed(member);
		model.addAttribute("invoices",
				invoices.invoicesOfManager(member.id()).stream().map(i -> InvoiceRow.of(i, clock.instant())).toList());
		return render(model, csrfToken, group, null);
	}

	@PostMapping(PATH + "/invites")
	Object invite(@RequestParam(defaultValue = "") String email, @AuthenticationPrincipal SignedInMember member,
			CsrfToken csrfToken, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Responses.personal(response);
		GroupView group = managed(member);
		String address = email.strip();
		if (!EMAIL.matcher(address).matches()) {
			return refuse(model, csrfToken, group, response, "Enter the reader's email address, like ada@example.com.");
		}
		return answer(groups.invite(member.id(), address), "Invitation sent to " + address + ".", model, csrfToken,
				group, response, redirect);
	}

	@PostMapping(PATH + "/invites/{id}/withdraw")
	Object withdraw(@PathVariable long id, @AuthenticationPrincipal SignedInMember member, CsrfToken csrfToken,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		GroupView group = managed(member);
		return answer(groups.withdrawInvite(member.id(), id), "Invitation withdrawn; its seat is free.", model,
				csrfToken, group, response, redirect);
	}

	@PostMapping(PATH + "/readers/{memberId}/remove")
	Object remove(@PathVariable long memberId, @AuthenticationPrincipal SignedInMember member, CsrfToken csrfToken,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		GroupView group = managed(member);
		return answer(groups.removeReader(member.id(), memberId),
				"Reader removed: they no longer read through your group, and keep their own account.", model, csrfToken,
				group, response, redirect);
	}

	@PostMapping(PATH + "/domains")
	Object addDomain(@RequestParam(defaultValue = "") String domain, @AuthenticationPrincipal SignedInMember member,
			CsrfToken csrfToken, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Responses.personal(response);
		GroupView group = managed(member);
		String typed = domain.strip().toLowerCase(Locale.ROOT);
		if (typed.startsWith("@")) {
			typed = typed.substring(1);
		}
		if (!DOMAIN.matcher(typed).matches()) {
			return refuse(model, csrfToken, group, response, "Enter a domain, like example.edu.");
		}
		return answer(groups.addDomain(member.id(), typed),
				"Anyone who verifies an address at " + typed + " now joins while seats last.", model, csrfToken, group,
				response, redirect);
	}

	@PostMapping(PATH + "/domains/{domain}/remove")
	Object removeDomain(@PathVariable String domain, @AuthenticationPrincipal SignedInMember member,
			CsrfToken csrfToken, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		GroupView group = managed(member);
		return answer(groups.removeDomain(member.id(), domain),
				"Domain removed; readers who joined by it keep their seats.", model, csrfToken, group, response,
				redirect);
	}

	private GroupView managed(SignedInMember member) {
		return groups.managed(member.id())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "you manage no group"));
	}

	private Object answer(GroupChange change, String done, Model model, CsrfToken csrfToken, GroupView group,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (change == GroupChange.DONE) {
			redirect.addFlashAttribute("notice", done);
			return Responses.seeOther(PATH);
		}
		if (change == GroupChange.NOT_FOUND) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "not in your group");
		}
		return refuse(model, csrfToken, group, response, switch (change) {
			case NO_SEATS_LEFT -> "All " + group.seats() + " seats are taken. Remove a reader or withdraw an "
					+ "invitation to free one.";
			case ALREADY_INVITED -> "That address has an invitation already.";
			case ALREADY_MEMBER -> "That reader already has a seat in your group.";
			case DOMAIN_TAKEN -> "Another group has that domain.";
			default -> "Your group's subscription has ended.";
		});
	}

	private String refuse(Model model, CsrfToken csrfToken, GroupView group, HttpServletResponse response,
			String problem) {
		response.setStatus(HttpStatus.CONFLICT.value());
		return render(model, csrfToken, group, problem);
	}

	private static String render(Model model, CsrfToken csrfToken, GroupView group, @Nullable String problem) {
		model.addAttribute("group", group);
		model.addAttribute("problem", problem);
		model.addAttribute("bill",
				Money.format(group.price(), group.currency()) + " per " + group.interval() + " for " + group.seats()
						+ " seats" + (group.periodEnd() == null ? "" : ", next on " + Pages.date(group.periodEnd())));
		model.addAttribute("csrf", CsrfField.of(csrfToken));
		return "billing/group";
	}

}
