package org.backstory.billing.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.billing.BillingInterval;
import org.backstory.billing.GroupTerms;
import org.backstory.billing.Money;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.SubscriptionService;
import org.backstory.billing.SubscriptionSummary;
import org.backstory.billing.planchange.PlanChangeOutcome;
import org.backstory.billing.planchange.PlanChangeQuote;
import org.backstory.billing.planchange.PlanChanges;
import org.backstory.billing.subscription.SubscriptionChangeRefused;
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
import org.springframework.web.servlet.view.RedirectView;

/**
 * Changing plan: every plan and interval with what moving to it costs now, a confirmation
 * page per choice, and the change itself. Like checkout, the confirmation carries an
 * attempt id, so submitting it twice charges once.
 */
@Controller
class PlanChangeController {

	private final PlanChanges planChanges;

	private final PlanCatalog plans;

	private final SubscriptionService subscriptions;

	PlanChangeController(PlanChanges planChanges, PlanCatalog plans, SubscriptionService subscriptions) {
		this.planChanges = planChanges;
		this.plans = plans;
		this.subscriptions = subscriptions;
	}

	@GetMapping("/account/plan")
	String choices(@AuthenticationPrincipal SignedInMember member, Model model, HttpServletResponse response) {
		Responses.personal(response);
		List<PlanChoice> choices;
		try {
			choices = planChanges.quotes(member.id()).stream().map(PlanChoice::of).toList();
		}
		catch (SubscriptionChangeRefused refused) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return renderChoices(model, member, List.of(), refused.getMessage());
		}
		return renderChoices(model, member, choices, null);
	}

	/**
	 * Where a paywall box's Upgrade button leads: straight to the change to a plan that
	 * grants one of the article's tiers (the cheapest at the member's interval, the
	 * catalogue's order between equals), in the member's currency; to the list of plans
	 * when none does. Group plans are left out: they are bought at checkout, with seats.
	 */
	@GetMapping("/account/plan/upgrade")
	RedirectView upgrade(@RequestParam(name = "tier", required = false) @Nullable List<String> tiers,
			@AuthenticationPrincipal SignedInMember member) {
		Optional<SubscriptionSummary> current = subscriptions.currentSubscription(member.id());
		BillingInterval interval = current.map(SubscriptionSummary::interval).orElse(BillingInterval.MONTH);
		Optional<String> currency = current.map(SubscriptionSummary::currency);
		Set<String> wanted = tiers == null ? Set.of() : Set.copyOf(tiers);
		Map<String, GroupTerms> groupPlans = plans.groupTerms();
		return plans.activePlans()
			.stream()
			.filter(plan -> wanted.contains(plan.tier()))
			.filter(plan -> !groupPlans.containsKey(plan.code()))
			.filter(plan -> currency.map(plan.currency()::equals).orElse(true))
			.min(Comparator.comparingLong((Plan plan) -> plan.price(interval)))
			.map(plan -> Responses.seeOther("/account/plan/" + plan.code() + "/" + interval.code()))
			.orElseGet(() -> Responses.seeOther("/account/plan"));
	}

	@GetMapping("/account/plan/{planCode}/{interval}")
	String confirmation(@PathVariable String planCode, @PathVariable String interval,
			@AuthenticationPrincipal SignedInMember member, CsrfToken csrfToken, Model model,
			HttpServletResponse response) {
		BillingInterval billingInterval = interval(interval);
		requireOffered(planCode);
		Responses.personal(response);
		return renderConfirmation(model, csrfToken, member, planCode, billingInterval, UUID.randomUUID(), null, null,
				response);
	}

	@PostMapping("/account/plan/{planCode}/{interval}")
	Object change(@PathVariable String planCode, @PathVariable String interval, @RequestParam String attempt,
			@RequestParam(required = false) @Nullable String quotedAt, @AuthenticationPrincipal SignedInMember member,
			CsrfToken csrfToken, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		BillingInterval billingInterval = interval(interval);
		UUID attemptId = Pages.attemptId(attempt);
		Instant quoted = quotedAt(quotedAt);
		requireOffered(planCode);
		Responses.personal(response);
		PlanChangeOutcome outcome;
		try {
			outcome = planChanges.change(member.id(), planCode, billingInterval, attemptId, quoted);
		}
		catch (SubscriptionChangeRefused refused) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return renderChoices(model, member, List.of(), refused.getMessage());
		}
		if (outcome instanceof PlanChangeOutcome.Changed changed) {
			redirect.addFlashAttribute("notice", changedNotice(changed));
			return Responses.seeOther("/account");
		}
		if (outcome instanceof PlanChangeOutcome.Superseded superseded) {
			redirect.addFlashAttribute("notice",
					"Your subscription changed while your payment went through, so your " + "plan stays as it is. The "
							+ Money.format(superseded.credited(), superseded.currency())
							+ " charged goes toward your next charges.");
			return Responses.seeOther("/account");
		}
		if (outcome instanceof PlanChangeOutcome.Declined declined) {
			// A declined attempt is finished: trying again (after updating the card) is a
			// new attempt.
			response.setStatus(HttpStatus.PAYMENT_REQUIRED.value());
			return renderConfirmation(model, csrfToken, member, planCode, billingInterval, UUID.randomUUID(), null,
					declined.message() + " Your plan has not changed.", response);
		}
		if (outcome instanceof PlanChangeOutcome.InProgress) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return renderConfirmation(model, csrfToken, member, planCode, billingInterval, UUID.randomUUID(), null,
					"Another payment for your subscription is being processed. Check your account in a moment.",
					response);
		}
		// Outcome unknown: resubmitting the same attempt asks the gateway again and
		// cannot charge twice.
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		return renderConfirmation(model, csrfToken, member, planCode, billingInterval, attemptId, quoted,
				"We couldn't confirm your payment with the payment service. Please submit again: "
						+ "you will not be charged twice.",
				response);
	}

	private String renderChoices(Model model, SignedInMember member, List<PlanChoice> choices, @Nullable String error) {
		model.addAttribute("current",
				subscriptions.currentSubscription(member.id()).map(PlanChangeController::current).orElse(null));
		model.addAttribute("choices", choices);
		model.addAttribute("error", error);
		return "billing/change-plan";
	}

	/**
	 * The confirmation page, priced afresh, unless the member's answer must be repeated
	 * exactly (no answer from the gateway), when it keeps the attempt and the moment it
	 * was priced at.
	 */
	private String renderConfirmation(Model model, CsrfToken csrfToken, SignedInMember member, String planCode,
			BillingInterval interval, UUID attemptId, @Nullable Instant quotedAt, @Nullable String message,
			HttpServletResponse response) {
		PlanChangeQuote quote;
		try {
			quote = planChanges.quote(member.id(), planCode, interval);
		}
		catch (SubscriptionChangeRefused refused) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return renderChoices(model, member, List.of(), message == null ? refused.getMessage() : message);
		}
		PlanChoice choice = PlanChoice.of(quote);
		model.addAttribute("choice", choice);
		model.addAttribute("attempt", attemptId.toString());
		model.addAttribute("quotedAt", quotedAt == null ? choice.quotedAt() : Long.toString(quotedAt.getEpochSecond()));
		model.addAttribute("current",
				subscriptions.currentSubscription(member.id()).map(PlanChangeController::current).orElse(null));
		model.addAttribute("message", message);
		model.addAttribute("csrf", CsrfField.of(csrfToken));
		return "billing/change-plan-confirm";
	}

	private static String current(SubscriptionSummary subscription) {
		String name = subscription.planName() == null ? subscription.tier() : subscription.planName();
		return subscription.currency() == null || subscription.interval() == null ? name : name + ", "
				+ Money.format(subscription.price(), subscription.currency()) + " / " + subscription.interval().code();
	}

	private static String changedNotice(PlanChangeOutcome.Changed changed) {
		StringBuilder notice = new StringBuilder("You're now on ").append(changed.planName())
			.append(changed.interval() == BillingInterval.MONTH ? ", monthly." : ", yearly.");
		if (changed.charged() > 0) {
			notice.append(" We charged ").append(Money.format(changed.charged(), changed.currency())).append('.');
		}
		if (changed.creditAdded() > 0) {
			notice.append(' ')
				.append(Money.format(changed.creditAdded(), changed.currency()))
				.append(" credit goes toward your next charges.");
		}
		return notice.toString();
	}

	private void requireOffered(String planCode) {
		if (plans.activePlan(planCode).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such plan");
		}
	}

	private static BillingInterval interval(String code) {
		return BillingInterval.fromCode(code)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "interval must be month or year"));
	}

	private static @Nullable Instant quotedAt(@Nullable String epochSeconds) {
		if (epochSeconds == null || epochSeconds.isBlank()) {
			return null;
		}
		try {
			return Instant.ofEpochSecond(Long.parseLong(epochSeconds.strip()));
		}
		catch (NumberFormatException | DateTimeException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "malformed quote time");
		}
	}

}
