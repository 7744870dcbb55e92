package org.backstory.billing.web;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.billing.BillingInterval;
import org.backstory.billing.Checkout;
import org.backstory.billing.CheckoutOutcome;
import org.backstory.billing.CheckoutQuote;
import org.backstory.billing.CheckoutService;
import org.backstory.billing.Coupon;
import org.backstory.billing.Money;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.SubscriptionService;
import org.backstory.members.SignedInMember;
import org.backstory.shared.web.CsrfField;
import org.backstory.shared.web.SafeRedirect;
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
 * Checkout: the card form for one plan and interval, and paying for it. Only signed-in members get here
 * (the security configuration guards {@code /checkout/**}).
 */
@Controller
class CheckoutController {

	private final PlanCatalog plans;

	private final SubscriptionService subscriptions;

	private final CheckoutService checkouts;

	private final Clock clock;

	CheckoutController(PlanCatalog plans, SubscriptionService subscriptions, CheckoutService checkouts, Clock clock) {
		this.plans = plans;
		this.subscriptions = subscriptions;
		this.checkouts = checkouts;
		this.clock = clock;
	}

	@GetMapping("/checkout/{planCode}")
	Object form(@PathVariable String planCode, @RequestParam(defaultValue = "month") String interval,
			@RequestParam(required = false) @Nullable String next,
			@RequestParam(required = false) @Nullable String coupon, @AuthenticationPrincipal SignedInMember member,
			CsrfToken csrfToken, Model model, HttpServletResponse response) {
		Plan plan = activePlan(planCode);
		BillingInterval billingInterval = interval(interval);
		Pages.personal(response);
		if (subscriptions.isSubscribed(member.id())) {
			return Pages.redirectTo("/account");
		}
		return render(model, csrfToken, member, plan, billingInterval, UUID.randomUUID(), next, coupon, null,
				CardForm.empty(), Map.of());
	}

	@PostMapping("/checkout/{planCode}")
	Object pay(@PathVariable String planCode, @RequestParam(defaultValue = "month") String interval,
			@RequestParam(required = false) @Nullable String next,
			@RequestParam(required = false) @Nullable String coupon, @RequestParam String attempt, CardForm form,
			@AuthenticationPrincipal SignedInMember member, CsrfToken csrfToken, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Plan plan = activePlan(planCode);
		BillingInterval billingInterval = interval(interval);
		UUID attemptId = Pages.attemptId(attempt);
		Pages.personal(response);
		CardForm.Checked checked = form.check(clock);
		if (checked.card() == null) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return render(model, csrfToken, member, plan, billingInterval, attemptId, next, coupon, null,
					form.withoutSecrets(), checked.errors());
		}
		CheckoutOutcome outcome = checkouts.checkout(new Checkout(member.id(), member.email(), planCode,
				billingInterval, attemptId, checked.card(), coupon));
		if (outcome instanceof CheckoutOutcome.Subscribed) {
			redirect.addFlashAttribute("notice", "You're subscribed. Thank you!");
			return Pages.redirectTo(SafeRedirect.localPathOr(next, "/account"));
		}
		if (outcome instanceof CheckoutOutcome.TrialStarted trial) {
			redirect.addFlashAttribute("notice",
					"Your free trial has started. Your first charge is on " + Pages.date(trial.trialEnd()) + ".");
			return Pages.redirectTo(SafeRedirect.localPathOr(next, "/account"));
		}
		if (outcome instanceof CheckoutOutcome.AlreadySubscribed) {
			return Pages.redirectTo("/account");
		}
		if (outcome instanceof CheckoutOutcome.PlanUnavailable) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such plan");
		}
		@Nullable String message;
		UUID nextAttempt;
		if (outcome instanceof CheckoutOutcome.CouponRefused) {
			// The coupon field shows why; nothing was charged, so this attempt can be submitted again.
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			message = null;
			nextAttempt = attemptId;
		}
		else if (outcome instanceof CheckoutOutcome.Declined declined) {
			// A declined attempt is finished: trying again (another card) is a new attempt.
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
			// Outcome unknown: resubmitting the same attempt asks the gateway again and cannot charge twice.
			response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			message = "We couldn't confirm your payment with the payment service. Please submit again: "
					+ "you will not be charged twice.";
			nextAttempt = attemptId;
		}
		return render(model, csrfToken, member, plan, billingInterval, nextAttempt, next, coupon, message,
				form.withoutSecrets(), Map.of());
	}

	private String render(Model model, CsrfToken csrfToken, SignedInMember member, Plan plan,
			BillingInterval interval, UUID attemptId, @Nullable String next, @Nullable String coupon,
			@Nullable String message, CardForm form, Map<String, String> errors) {
		String returnTo = SafeRedirect.localPathOr(next, "");
		String typed = coupon == null || coupon.isBlank() ? null : coupon.strip();
		CheckoutQuote quote = checkouts.quote(member.id(), plan.code(), interval, typed)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such plan"));
		String price = Money.format(quote.price(), plan.currency());
		String firstCharge = Money.format(quote.firstCharge(), plan.currency());
		String summary;
		String payLabel;
		if (quote.trialEnd() != null) {
			summary = OfferTexts.trial(plan.trialDays(), quote.price(), plan.currency(), interval.code())
					+ ". Nothing is charged today; your first charge of " + firstCharge + " is on "
					+ Pages.date(quote.trialEnd()) + ".";
			payLabel = "Start your free trial";
		}
		else {
			summary = price + " per " + interval.code() + ", charged today and then every " + interval.code() + ".";
			payLabel = "Pay " + firstCharge + " and subscribe";
		}
		Coupon applied = quote.coupon();
		model.addAttribute("page", new CheckoutPage(plan.name(), price, interval.code(), "/checkout/" + plan.code(),
				attemptId.toString(), returnTo.isEmpty() ? null : returnTo, message, summary, payLabel,
				applied == null ? null : applied.code(),
				applied == null ? null : applied.code() + ": " + OfferTexts.coupon(applied), typed,
				quote.couponRefusal() == null ? null : quote.couponRefusal().message()));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("csrf", CsrfField.of(csrfToken));
		return "billing/checkout";
	}

	private Plan activePlan(String code) {
		return plans.activePlan(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such plan"));
	}

	private static BillingInterval interval(String code) {
		return BillingInterval.fromCode(code)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "interval must be month or year"));
	}

}
