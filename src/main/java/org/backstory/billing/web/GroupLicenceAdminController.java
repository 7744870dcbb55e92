package org.backstory.billing.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.billing.Money;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.invoice.GroupInvoices;
import org.backstory.billing.invoice.LicenceSales;
import org.backstory.billing.invoice.SaleOutcome;
import org.backstory.members.SignedInMember;
import org.backstory.shared.web.CsrfField;
import org.backstory.shared.web.Responses;
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
 * Selling group licences by invoice ({@code /admin/billing/group-licences}): the licences
 * sold, the sale form, cancelling a licence at its period end, and the "How to pay" words
 * printed on invoices. For staff with billing rights (the security configuration guards
 * {@code /admin/billing/**}).
 */
@Controller
class GroupLicenceAdminController {

	static final String PATH = "/admin/billing/group-licences";

	private final LicenceSales sales;

	private final GroupInvoices invoices;

	private final PlanCatalog plans;

	private final Clock clock;

	GroupLicenceAdminController(LicenceSales sales, GroupInvoices invoices, PlanCatalog plans, Clock clock) {
		this.sales = sales;
		this.invoices = invoices;
		this.plans = plans;
		this.clock = clock;
	}

	@GetMapping(PATH)
	String page(CsrfToken csrfToken, Model model, HttpServletResponse response) {
		Responses.personal(response);
		return render(model, csrfToken, LicenceSaleForm.empty(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)),
				Map.of());
	}

	@PostMapping(PATH)
	Object sell(LicenceSaleForm form, @AuthenticationPrincipal SignedInMember staff, CsrfToken csrfToken, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Responses.personal(response);
		LicenceSaleForm.Checked checked = form.check();
		Map<String, String> errors = checked.errors();
		if (checked.sale() != null) {
			SaleOutcome outcome = sales.sell(checked.sale(), staff.id());
			if (outcome instanceof SaleOutcome.Sold sold) {
				redirect.addFlashAttribute("notice", "Licence sold to " + checked.sale().institution()
						+ ". Its seats can be used now, and invoice 1 was sent to the manager.");
				return Responses.seeOther(InvoiceAdminController.PATH + "/" + sold.invoiceId());
			}
			SaleOutcome.Refused refused = (SaleOutcome.Refused) outcome;
			errors = Map.of(refused.field(), refused.message());
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return render(model, csrfToken, form, errors);
	}

	@PostMapping(PATH + "/{id}/cancel")
	Object cancel(@PathVariable long id, @AuthenticationPrincipal SignedInMember staff, RedirectAttributes redirect) {
		switch (invoices.cancel(id, staff.id())) {
			case DONE -> redirect.addFlashAttribute("notice",
					"Licence canceled: it runs to the end of its period and is not invoiced again.");
			case NOT_FOUND -> throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such licence");
			default -> redirect.addFlashAttribute("notice", "That licence is already canceled or has ended.");
		}
		return Responses.seeOther(PATH);
	}

	@PostMapping(PATH + "/payment-text")
	Object paymentText(@RequestParam(defaultValue = "") String text, @AuthenticationPrincipal SignedInMember staff,
			RedirectAttributes redirect) {
		if (text.strip().length() > 2000) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "at most 2,000 characters");
		}
		invoices.changePaymentText(text, staff.id());
		redirect.addFlashAttribute("notice", "Payment instructions saved; every invoice shows them.");
		return Responses.seeOther(PATH);
	}

	private String render(Model model, CsrfToken csrfToken, LicenceSaleForm form, Map<String, String> errors) {
		model.addAttribute("licences", invoices.licences().stream().map(LicenceRow::of).toList());
		model.addAttribute("groupPlans", groupPlans());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("paymentText", invoices.paymentText());
		model.addAttribute("csrf", CsrfField.of(csrfToken));
		return "billing/group-licences";
	}

	/** The active group plans, code and name with their seat terms. */
	private List<Map.Entry<String, String>> groupPlans() {
		return plans.activePlans()
			.stream()
			.flatMap(plan -> plans.find(plan.code())
				.filter(stored -> stored.group() != null)
				.map(stored -> Map.entry(plan.code(),
						plan.name() + " (" + stored.group().includedSeats() + " seats included, "
								+ Money.format(plan.monthlyPrice(), plan.currency()) + " a month)"))
				.stream())
			.toList();
	}

}
