package org.backstory.billing.web;

import java.time.Clock;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.billing.invoice.GroupInvoices;
import org.backstory.members.SignedInMember;
import org.backstory.publishing.PublicationService;
import org.backstory.shared.web.Responses;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * A group licence's invoice as its manager prints it
 * ({@code /account/group/invoices/<id>}). Anyone else, another manager included, gets
 * 404, so no invoice can be found by trying numbers.
 */
@Controller
class GroupInvoiceController {

	private final GroupInvoices invoices;

	private final PublicationService publications;

	private final Clock clock;

	GroupInvoiceController(GroupInvoices invoices, PublicationService publications, Clock clock) {
		this.invoices = invoices;
		this.publications = publications;
		this.clock = clock;
	}

	@GetMapping(GroupController.PATH + "/invoices/{id}")
	String invoice(@PathVariable long id, @AuthenticationPrincipal SignedInMember member, Model model,
			HttpServletResponse response) {
		Responses.personal(response);
		model.addAttribute("invoice",
				invoices.invoiceOfManager(member.id(), id)
					.map(invoice -> InvoicePage.of(invoice, publications.publication(), invoices.paymentText(),
							clock.instant()))
					.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such invoice")));
		return "billing/invoice";
	}

}
