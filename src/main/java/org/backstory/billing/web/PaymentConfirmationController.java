package org.backstory.billing.web;

import java.net.URI;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.billing.payment.BillingMails;
import org.backstory.billing.payment.HeldPayments;
import org.backstory.billing.payment.PaymentGateway;
import org.backstory.billing.payment.PaymentGatewayException;
import org.backstory.billing.payment.PaymentRepository.HeldPayment;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.View;

/**
 * The page a member reaches from the mail about a renewal their bank held for them to
 * authenticate (3-D Secure): they confirm it there, with Stripe.js or (the sandbox) a
 * button, and come back to {@code …/confirm/check}, which asks the gateway and settles
 * the renewal if the money moved. Only the member's own held payments exist here; any
 * other id is a 404.
 */
@Controller
class PaymentConfirmationController {

	private final HeldPayments held;

	PaymentConfirmationController(HeldPayments held) {
		this.held = held;
	}

	@GetMapping("/account/payments/{paymentId}/confirm")
	String page(@PathVariable long paymentId, @AuthenticationPrincipal SignedInMember member, CsrfToken csrfToken,
			Model model, HttpServletResponse response) {
		HeldPayment payment = find(paymentId, member);
		Responses.personal(response);
		PaymentGateway.Authentication authentication;
		try {
			authentication = held.authentication(payment);
		}
		catch (PaymentGatewayException ex) {
			response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			authentication = new PaymentGateway.Authentication.Unavailable();
		}
		if (authentication instanceof PaymentGateway.Authentication.WithStripeJs stripe) {
			response.setHeader("Content-Security-Policy", withStripeJs(stripe.scriptUrl()));
		}
		model.addAttribute("page", ConfirmPaymentPage.of(payment, authentication));
		model.addAttribute("csrf", CsrfField.of(csrfToken));
		return "billing/confirm-payment";
	}

	/** The sandbox's stand-in for the bank's challenge: the member's word. */
	@PostMapping("/account/payments/{paymentId}/confirm")
	View confirmHere(@PathVariable long paymentId, @AuthenticationPrincipal SignedInMember member) {
		HeldPayment payment = find(paymentId, member);
		try {
			held.confirmOnOurPage(payment);
		}
		catch (PaymentGatewayException ex) {
			throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
					"We couldn't reach the payment service. Please try again.");
		}
		return Responses.seeOther(BillingMails.confirmationPath(paymentId));
	}

	/**
	 * Where Stripe.js sends the member after authenticating: a question to the gateway,
	 * settling the renewal once whatever the webhook does; safe to reload.
	 */
	@GetMapping("/account/payments/{paymentId}/confirm/check")
	View check(@PathVariable long paymentId, @AuthenticationPrincipal SignedInMember member) {
		HeldPayment payment = find(paymentId, member);
		try {
			held.check(payment);
		}
		catch (PaymentGatewayException ex) {
			// Still processing, or the gateway is away: the page shows the payment as
			// waiting, and the webhook settles it when the answer comes.
		}
		return Responses.seeOther(BillingMails.confirmationPath(paymentId));
	}

	private HeldPayment find(long paymentId, SignedInMember member) {
		return held.find(paymentId, member.id())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such payment"));
	}

	/**
	 * The reader pages' policy, plus what Stripe.js needs (its script, its frames for the
	 * bank's challenge, and its API), on this page only.
	 */
	static String withStripeJs(String scriptUrl) {
		URI script = URI.create(scriptUrl);
		String origin = script.getScheme() + "://" + script.getRawAuthority();
		String api = origin.equals("https://js.stripe.com") ? "https://api.stripe.com" : origin;
		return "default-src 'self'; script-src 'self' " + origin + "; style-src 'self'; img-src 'self' data: https:; "
				+ "frame-src " + origin + " https://hooks.stripe.com; connect-src 'self' " + api
				+ "; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";
	}

}
