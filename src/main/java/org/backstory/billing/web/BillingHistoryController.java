package org.backstory.billing.web;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.billing.Receipt;
import org.backstory.billing.Receipts;
import org.backstory.members.SignedInMember;
import org.backstory.shared.web.Responses;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** A member's payments, and a printable receipt for each that took money. */
@Controller
class BillingHistoryController {

	private final Receipts receipts;

	BillingHistoryController(Receipts receipts) {
		this.receipts = receipts;
	}

	@GetMapping("/account/billing")
	String history(@AuthenticationPrincipal SignedInMember member, Model model, HttpServletResponse response) {
		Responses.personal(response);
		model.addAttribute("payments", receipts.history(member.id()).stream().map(PaymentLine::of).toList());
		return "billing/history";
	}

	/**
	 * Another member's payment, or one that took no money, has no receipt here: 404
	 * either way.
	 */
	@GetMapping("/account/payments/{paymentId}")
	String receipt(@PathVariable long paymentId, @AuthenticationPrincipal SignedInMember member, Model model,
			HttpServletResponse response) {
		Receipt receipt = receipts.receipt(member.id(), paymentId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such receipt"));
		Responses.personal(response);
		model.addAttribute("receipt", ReceiptPage.of(receipt));
		return "billing/receipt";
	}

}
