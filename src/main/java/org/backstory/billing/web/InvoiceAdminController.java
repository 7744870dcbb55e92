package org.backstory.billing.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.billing.invoice.GroupInvoice;
import org.backstory.billing.invoice.GroupInvoices;
import org.backstory.billing.invoice.InvoiceStatus;
import org.backstory.members.SignedInMember;
import org.backstory.publishing.PublicationService;
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
 * Staff's invoices of group licences ({@code /admin/billing/invoices}): the list, open,
 * overdue, paid or void; one invoice as printed, with marking it paid (the day the money
 * arrived and the bank's reference), voiding it, and giving it a later due date. For
 * staff with billing rights.
 */
@Controller
class InvoiceAdminController {

	static final String PATH = "/admin/billing/invoices";

	private final GroupInvoices invoices;

	private final PublicationService publications;

	private final Clock clock;

	InvoiceAdminController(GroupInvoices invoices, PublicationService publications, Clock clock) {
		this.invoices = invoices;
		this.publications = publications;
		this.clock = clock;
	}

	@GetMapping(PATH)
	String list(@RequestParam(defaultValue = "") String status, Model model, HttpServletResponse response) {
		Responses.personal(response);
		InvoiceStatus filter = InvoiceStatus.fromCode(status).orElse(null);
		model.addAttribute("invoices",
				invoices.invoices(filter).stream().map(invoice -> InvoiceRow.of(invoice, clock.instant())).toList());
		model.addAttribute("status", filter == null ? "" : filter.code());
		return "billing/invoices-admin";
	}

	@GetMapping(PATH + "/{id}")
	String invoice(@PathVariable long id, CsrfToken csrfToken, Model model, HttpServletResponse response) {
		Responses.personal(response);
		return render(id, csrfToken, model, null);
	}

	@PostMapping(PATH + "/{id}/paid")
	Object markPaid(@PathVariable long id, @RequestParam(defaultValue = "") String paidOn,
			@RequestParam(defaultValue = "") String reference, @AuthenticationPrincipal SignedInMember staff,
			CsrfToken csrfToken, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Responses.personal(response);
		LocalDate day = day(paidOn);
		String ref = reference.strip();
		if (day == null || ref.isEmpty() || ref.length() > 200) {
			return refuse(id, csrfToken, model, response,
					"Enter the day the money arrived (like 2027-01-31) and the bank's reference (at most 200 characters).");
		}
		return answer(invoices.markPaid(id, day, ref, staff.id()), id,
				"Invoice marked paid; the manager was sent a receipt.", csrfToken, model, response, redirect);
	}

	@PostMapping(PATH + "/{id}/void")
	Object voidInvoice(@PathVariable long id, @AuthenticationPrincipal SignedInMember staff, CsrfToken csrfToken,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return answer(invoices.voidInvoice(id, staff.id()), id, "Invoice voided: nothing is owed for it.", csrfToken,
				model, response, redirect);
	}

	@PostMapping(PATH + "/{id}/due-date")
	Object extend(@PathVariable long id, @RequestParam(defaultValue = "") String dueOn,
			@AuthenticationPrincipal SignedInMember staff, CsrfToken csrfToken, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		LocalDate day = day(dueOn);
		if (day == null) {
			return refuse(id, csrfToken, model, response, "Enter the new due date, like 2027-01-31.");
		}
		return answer(invoices.extend(id, day, staff.id()), id, "Due date changed.", csrfToken, model, response,
				redirect);
	}

	private Object answer(GroupInvoices.Change change, long id, String done, CsrfToken csrfToken, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return switch (change) {
			case DONE -> {
				redirect.addFlashAttribute("notice", done);
				yield Responses.seeOther(PATH + "/" + id);
			}
			case NOT_FOUND -> throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such invoice");
			case NOT_OPEN -> refuse(id, csrfToken, model, response, "This invoice is already paid or void.");
			case DATE_IN_FUTURE ->
				refuse(id, csrfToken, model, response, "The day the money arrived can't be in the future.");
			case DATE_IN_PAST -> refuse(id, csrfToken, model, response, "The new due date must be today or later.");
		};
	}

	private String refuse(long id, CsrfToken csrfToken, Model model, HttpServletResponse response, String problem) {
		response.setStatus(HttpStatus.CONFLICT.value());
		return render(id, csrfToken, model, problem);
	}

	private String render(long id, CsrfToken csrfToken, Model model, @Nullable String problem) {
		GroupInvoice invoice = invoices.invoice(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such invoice"));
		model.addAttribute("invoice",
				InvoicePage.of(invoice, publications.publication(), invoices.paymentText(), clock.instant()));
		model.addAttribute("today", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString());
		model.addAttribute("problem", problem);
		model.addAttribute("csrf", CsrfField.of(csrfToken));
		return "billing/invoice-admin";
	}

	private static @Nullable LocalDate day(String typed) {
		try {
			return LocalDate.parse(typed.strip());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
