package org.backstory.billing.web;

import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.billing.checkout.CheckoutOutcome;
import org.backstory.shared.web.Responses;
import org.backstory.shared.web.SafeRedirect;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the member sees after paying: on to their account (or where they came from) when
 * it worked, else the checkout page again with the status and message the outcome calls
 * for, and the attempt to submit next.
 */
@Component
class CheckoutAnswers {

	private final CheckoutView view;

	CheckoutAnswers(CheckoutView view) {
		this.view = view;
	}

	Object answer(CheckoutOutcome outcome, CheckoutChoice choice, UUID attemptId, CardForm form, CsrfToken csrfToken,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		if (outcome instanceof CheckoutOutcome.Subscribed) {
			redirect.addFlashAttribute("notice", "You're subscribed. Thank you!");
			return Responses.seeOther(SafeRedirect.localPathOr(choice.next(), "/account"));
		}
		if (outcome instanceof CheckoutOutcome.TrialStarted trial) {
			redirect.addFlashAttribute("notice",
					"Your free trial has started. Your first charge is on " + Pages.date(trial.trialEnd()) + ".");
			return Responses.seeOther(SafeRedirect.localPathOr(choice.next(), "/account"));
		}
		if (outcome instanceof CheckoutOutcome.AlreadySubscribed) {
			return Responses.seeOther("/account");
		}
		if (outcome instanceof CheckoutOutcome.PlanUnavailable) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such plan");
		}
		@Nullable String message;
		UUID nextAttempt;
		if (outcome instanceof CheckoutOutcome.CouponRefused) {
			// The coupon field shows why; nothing was charged, so this attempt can be
			// submitted again.
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			message = null;
			nextAttempt = attemptId;
		}
		else if (outcome instanceof CheckoutOutcome.Declined declined) {
			// A declined attempt is finished: trying again (another card) is a new
			// attempt.
			response.setStatus(HttpStatus.PAYMENT_REQUIRED.value());
			message = declined.message();
			nextAttempt = UUID.randomUUID();
		}
		else if (outcome instanceof CheckoutOutcome.InProgress) {
			response.setStatus(HttpStatus.CONFLICT.value());
			message = "Another payment for your subscription is being processed. Check your account in a moment.";
			nextAttempt = UUID.randomUUID();
		}
		else {
			// Outcome unknown: resubmitting the same attempt asks the gateway again and
			// cannot charge twice.
			response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			message = "We couldn't confirm your payment with the payment service. Please submit again: "
					+ "you will not be charged twice.";
			nextAttempt = attemptId;
		}
		return view.render(model, csrfToken, choice, nextAttempt, message, form, Map.of());
	}

}
