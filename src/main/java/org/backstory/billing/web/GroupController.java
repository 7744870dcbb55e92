package org.backstory.billing.web;

import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;

import org.backstory.billing.GroupTerms;
import org.backstory.billing.Money;
import org.backstory.billing.group.GroupChange;
import org.backstory.billing.group.GroupLicences;
import org.backstory.billing.group.GroupLinks;
import org.backstory.billing.invoice.GroupInvoices;
import org.backstory.billing.group.GroupView;
import org.backstory.billing.group.SeatAddition;
import org.backstory.billing.group.SeatPurchases;
import org.backstory.billing.group.SeatQuote;
import org.backstory.billing.group.SeatsRefused;
import org.backstory.members.SignedInMember;
import org.backstory.shared.BackstoryProperties;
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
 * by email or by a shareable link, giving a domain, swapping a reader for another
 * address, taking seats back, and adding seats mid-period (priced pro rata on a
 * confirmation page first). Only the member whose subscription it is manages a group:
 * anyone else gets 404 here, so no other group can be reached.
 */
@Controller
class GroupController {

	static final String PATH = "/account/group";

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}");

	private static final Pattern DOMAIN = Pattern
		.compile("(?=.{3,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");

	private final GroupLicences groups;

	private final SeatPurchases purchases;

	private final GroupLinks links;

	private final GroupInvoices invoices;

	private final BackstoryProperties site;

	private final Clock clock;

	GroupController(GroupLicences groups, SeatPurchases purchases, GroupLinks links, GroupInvoices invoices,
			BackstoryProperties site, Clock clock) {
		this.groups = groups;
		this.purchases = purchases;
		this.links = links;
		this.invoices = invoices;
		this.site = site;
		this.clock = clock;
	}

	@GetMapping(PATH)
	String page(@AuthenticationPrincipal SignedInMember member, CsrfToken csrfToken, Model model,
			HttpServletResponse response) {
		Responses.personal(response);
		return render(model, csrfToken, managed(member), null);
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

	/** The price of seats to add, to confirm. */
	@GetMapping(PATH + "/seats")
	String seatsQuote(@RequestParam(defaultValue = "") String add, @AuthenticationPrincipal SignedInMember member,
			CsrfToken csrfToken, Model model, HttpServletResponse response) {
		Responses.personal(response);
		GroupView group = managed(member);
		Integer seats = seatCount(add);
		if (seats == null) {
			return badSeatCount(model, csrfToken, group, response);
		}
		try {
			return renderSeats(model, csrfToken, purchases.quote(member.id(), seats), UUID.randomUUID().toString(),
					null);
		}
		catch (SeatsRefused refused) {
			return refuse(model, csrfToken, group, response, refused.getMessage());
		}
	}

	@PostMapping(PATH + "/seats")
	Object addSeats(@RequestParam(defaultValue = "") String add, @RequestParam(defaultValue = "-1") long amount,
			@RequestParam(defaultValue = "") String attempt, @AuthenticationPrincipal SignedInMember member,
			CsrfToken csrfToken, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Responses.personal(response);
		GroupView group = managed(member);
		Integer seats = seatCount(add);
		if (seats == null) {
			return badSeatCount(model, csrfToken, group, response);
		}
		String attemptId = Pages.attemptId(attempt).toString();
		SeatAddition addition;
		try {
			addition = purchases.add(member.id(), seats, amount, attemptId);
		}
		catch (SeatsRefused refused) {
			return refuse(model, csrfToken, group, response, refused.getMessage());
		}
		SeatQuote quote = addition.quote();
		if (addition.outcome() == SeatAddition.Outcome.PRICE_CHANGED) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return renderSeats(model, csrfToken, quote, UUID.randomUUID().toString(),
					"The price has changed since the page was shown (a day went by): check it and confirm again.");
		}
		redirect.addFlashAttribute("notice",
				seats + (seats == 1 ? " seat" : " seats") + " added: you can invite " + "readers to them now. "
						+ (quote.amount() == 0 ? "Nothing is charged for this period."
								: Money.format(quote.amount(), quote.currency())
										+ " for the rest of this period will be charged to your card shortly."));
		return Responses.seeOther(PATH);
	}

	@PostMapping(PATH + "/readers/{memberId}/swap")
	Object swap(@PathVariable long memberId, @RequestParam(defaultValue = "") String email,
			@AuthenticationPrincipal SignedInMember member, CsrfToken csrfToken, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Responses.personal(response);
		GroupView group = managed(member);
		String address = email.strip();
		if (!EMAIL.matcher(address).matches()) {
			return refuse(model, csrfToken, group, response,
					"Enter the new reader's email address, like ada@example.com.");
		}
		return answer(groups.swap(member.id(), memberId, address),
				"Swapped: the reader no longer reads through your group, and " + address
						+ " has an invitation holding their seat.",
				model, csrfToken, group, response, redirect);
	}

	@PostMapping(PATH + "/link")
	Object createLink(@AuthenticationPrincipal SignedInMember member, CsrfToken csrfToken, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		GroupView group = managed(member);
		return answer(links.create(member.id()),
				"Here is your group's invite link. Anyone who opens it joins while seats last"
						+ (group.inviteLinkToken() == null ? "." : "; the old link no longer works."),
				model, csrfToken, group, response, redirect);
	}

	@PostMapping(PATH + "/link/revoke")
	Object revokeLink(@AuthenticationPrincipal SignedInMember member, CsrfToken csrfToken, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		GroupView group = managed(member);
		return answer(links.revoke(member.id()), "Invite link revoked: it no longer works.", model, csrfToken, group,
				response, redirect);
	}

	/**
	 * A seat count typed in the form, 1 to the most a group has; null for anything else.
	 */
	private static @Nullable Integer seatCount(String typed) {
		try {
			int seats = Integer.parseInt(typed.strip());
			return seats >= 1 && seats <= GroupTerms.MAX_SEATS ? seats : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private String badSeatCount(Model model, CsrfToken csrfToken, GroupView group, HttpServletResponse response) {
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		return render(model, csrfToken, group, "Enter how many seats to add, from 1 to " + GroupTerms.MAX_SEATS + ".");
	}

	private static String renderSeats(Model model, CsrfToken csrfToken, SeatQuote quote, String attempt,
			@Nullable String problem) {
		model.addAttribute("quote", quote);
		model.addAttribute("attempt", attempt);
		model.addAttribute("problem", problem);
		model.addAttribute("seatPrice", Money.format(quote.seatPrice(), quote.currency()));
		model.addAttribute("amount", Money.format(quote.amount(), quote.currency()));
		model.addAttribute("priceAfter", Money.format(quote.priceAfter(), quote.currency()));
		model.addAttribute("periodEnd", Pages.date(quote.periodEnd()));
		model.addAttribute("csrf", CsrfField.of(csrfToken));
		return "billing/group-seats";
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

	private String render(Model model, CsrfToken csrfToken, GroupView group, @Nullable String problem) {
		model.addAttribute("group", group);
		model.addAttribute("problem", problem);
		model.addAttribute("bill",
				Money.format(group.price(), group.currency()) + " per " + group.interval() + " for " + group.seats()
						+ " seats" + (group.periodEnd() == null ? "" : ", next on " + Pages.date(group.periodEnd())));
		model.addAttribute("pendingSeatCharge",
				group.pendingSeatCharge() == 0 ? null : Money.format(group.pendingSeatCharge(), group.currency()));
		model.addAttribute("inviteLink",
				group.inviteLinkToken() == null ? null : site.link(GroupJoinController.LINK + group.inviteLinkToken()));
		model.addAttribute("invoices",
				invoices.invoicesOfGroup(group.subscriptionId())
					.stream()
					.map(invoice -> InvoiceRow.of(invoice, clock.instant()))
					.toList());
		model.addAttribute("csrf", CsrfField.of(csrfToken));
		return "billing/group";
	}

}
