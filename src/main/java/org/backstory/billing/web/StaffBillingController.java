package org.backstory.billing.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.billing.BillingEntry;
import org.backstory.billing.Money;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.Receipts;
import org.backstory.billing.SubscriptionHistory;
import org.backstory.billing.SubscriptionService;
import org.backstory.billing.SubscriptionSummary;
import org.backstory.billing.card.CardService;
import org.backstory.billing.payment.RefundOutcome;
import org.backstory.billing.payment.Refunds;
import org.backstory.billing.renewal.UpcomingCharges;
import org.backstory.billing.subscription.SubscriptionChangeRefused;
import org.backstory.billing.subscription.SubscriptionChanges;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberProfile;
import org.backstory.members.SignedInMember;
import org.backstory.shared.Dates;
import org.backstory.shared.web.CsrfField;
import org.backstory.shared.web.Responses;
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
 * Staff looking after a member's billing: their subscription and its history, their
 * payments with a refund form each, and ending the subscription at once. Owners only (the
 * security configuration guards {@code /admin/billing/**}).
 */
@Controller
class StaffBillingController {

	private final MemberDirectory members;

	private final SubscriptionService subscriptions;

	private final SubscriptionChanges changes;

	private final SubscriptionHistory history;

	private final UpcomingCharges upcoming;

	private final Receipts receipts;

	private final Refunds refunds;

	private final CardService cards;

	private final PlanCatalog plans;

	private final Clock clock;

	StaffBillingController(MemberDirectory members, SubscriptionService subscriptions, SubscriptionChanges changes,
			SubscriptionHistory history, UpcomingCharges upcoming, Receipts receipts, Refunds refunds,
			CardService cards, PlanCatalog plans, Clock clock) {
		this.members = members;
		this.subscriptions = subscriptions;
		this.changes = changes;
		this.history = history;
		this.upcoming = upcoming;
		this.receipts = receipts;
		this.refunds = refunds;
		this.cards = cards;
		this.plans = plans;
		this.clock = clock;
	}

	/** Finds a member by address and goes to their billing page. */
	@GetMapping("/admin/billing")
	Object find(@RequestParam(required = false) @Nullable String email, Model model, HttpServletResponse response) {
		Responses.personal(response);
		if (email == null || email.isBlank()) {
			return "billing/admin-find";
		}
		Optional<MemberProfile> member = members.findByEmail(email);
		if (member.isPresent()) {
			return Responses.seeOther("/admin/billing/members/" + member.get().id());
		}
		response.setStatus(HttpStatus.NOT_FOUND.value());
		model.addAttribute("email", email);
		model.addAttribute("error", "No member has that address.");
		return "billing/admin-find";
	}

	@GetMapping("/admin/billing/members/{memberId}")
	String member(@PathVariable long memberId, CsrfToken csrfToken, Model model, HttpServletResponse response) {
		Responses.personal(response);
		return render(model, csrfToken, profile(memberId), null, null);
	}

	@PostMapping("/admin/billing/members/{memberId}/payments/{paymentId}/refund")
	Object refund(@PathVariable long memberId, @PathVariable long paymentId, @RequestParam String amount,
			@RequestParam(defaultValue = "") String reason, @RequestParam String attempt,
			@RequestParam(required = false) @Nullable String next, @AuthenticationPrincipal SignedInMember staff,
			CsrfToken csrfToken, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		MemberProfile member = profile(memberId);
		BillingEntry payment = receipts.history(memberId)
			.stream()
			.filter(entry -> entry.payment().id() == paymentId)
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such payment"));
		UUID attemptId = Pages.attemptId(attempt);
		Responses.personal(response);
		String currency = payment.payment().currency();
		Optional<Long> minorUnits = AmountField.parse(amount, currency);
		if (minorUnits.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return render(model, csrfToken, member, null,
					new RefundForm(paymentId, amount, reason, attemptId.toString(),
							"Enter the amount to refund, e.g. " + AmountField.plain(250, currency) + "."));
		}
		RefundOutcome outcome = refunds.refund(staff.id(), paymentId, minorUnits.get(), reason, attemptId.toString());
		if (outcome instanceof RefundOutcome.Refunded refunded) {
			redirect.addFlashAttribute("notice", "Refunded " + Money.format(refunded.amount(), refunded.currency())
					+ " of payment " + paymentId + ".");
			return back(memberId, next);
		}
		if (outcome instanceof RefundOutcome.Refused refused) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return render(model, csrfToken, member, null,
					new RefundForm(paymentId, amount, reason, UUID.randomUUID().toString(), refused.reason()));
		}
		// No answer: the same attempt asks again and cannot refund twice.
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		return render(model, csrfToken, member, null, new RefundForm(paymentId, amount, reason, attemptId.toString(),
				"The payment service didn't confirm the refund. Submit again: it will not be refunded twice."));
	}

	@PostMapping("/admin/billing/members/{memberId}/cancel")
	Object cancelNow(@PathVariable long memberId, @RequestParam(defaultValue = "false") boolean refundUnused,
			@RequestParam(required = false) @Nullable String next, @AuthenticationPrincipal SignedInMember staff,
			CsrfToken csrfToken, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		MemberProfile member = profile(memberId);
		Responses.personal(response);
		if (subscriptions.currentSubscription(memberId).filter(StaffBillingController::cancelable).isEmpty()) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return render(model, csrfToken, member, "This member has no subscription to end.", null);
		}
		Optional<RefundOutcome> refund;
		try {
			refund = changes.cancelNow(staff.id(), memberId, refundUnused);
		}
		catch (SubscriptionChangeRefused refused) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return render(model, csrfToken, member, refused.getMessage(), null);
		}
		String refunded = refund.map(StaffBillingController::refundNotice)
			.orElse(refundUnused ? " Nothing was left to refund." : "");
		redirect.addFlashAttribute("notice", "The subscription has ended." + refunded);
		return back(memberId, next);
	}

	/** Free access to a tier, through the end of a date (UTC) or without end. */
	@PostMapping("/admin/billing/members/{memberId}/comp")
	Object grantComp(@PathVariable long memberId, @RequestParam String tier,
			@RequestParam(defaultValue = "") String until, @RequestParam(required = false) @Nullable String next,
			@AuthenticationPrincipal SignedInMember staff, CsrfToken csrfToken, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		MemberProfile member = profile(memberId);
		Responses.personal(response);
		Instant end;
		try {
			end = until.isBlank() ? null
					: LocalDate.parse(until.strip()).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		}
		catch (DateTimeParseException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return render(model, csrfToken, member, "Enter the end date as YYYY-MM-DD, or leave it empty for no end.",
					null);
		}
		try {
			subscriptions.grantCompByStaff(staff.id(), memberId, tier, end);
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return render(model, csrfToken, member, "Choose a tier a plan offers, and an end date in the future.",
					null);
		}
		catch (IllegalStateException ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return render(model, csrfToken, member,
					"This member pays for a subscription; end it before granting complimentary access.", null);
		}
		redirect.addFlashAttribute("notice", "Complimentary access to " + tier
				+ (end == null ? " without end." : " through " + Dates.readerLastDay(end) + "."));
		return back(memberId, next);
	}

	private String render(Model model, CsrfToken csrfToken, MemberProfile member, @Nullable String error,
			@Nullable RefundForm failedRefund) {
		long memberId = member.id();
		Optional<SubscriptionSummary> subscription = subscriptions.currentSubscription(memberId);
		List<BillingEntry> entries = receipts.history(memberId);
		Map<Long, RefundForm> forms = new LinkedHashMap<>();
		for (BillingEntry entry : entries) {
			if (entry.payment().refundable() > 0) {
				forms.put(entry.payment().id(),
						new RefundForm(entry.payment().id(),
								AmountField.plain(entry.payment().refundable(), entry.payment().currency()), "",
								UUID.randomUUID().toString(), null));
			}
		}
		if (failedRefund != null) {
			forms.put(failedRefund.paymentId(), failedRefund);
		}
		model.addAttribute("page", new StaffMemberPage(memberId, member.name(), member.email(),
				subscription.map(s -> AccountPlan.of(s, upcoming.next(memberId).orElse(null), clock.instant()))
					.orElse(null),
				subscription.map(s -> s.status().code()).orElse(null),
				subscription.filter(StaffBillingController::cancelable).isPresent(),
				cards.cardOnFile(memberId).orElse(null), history.events(memberId).stream().map(EventLine::of).toList(),
				entries.stream().map(PaymentLine::of).toList(), forms,
				plans.activePlans().stream().map(Plan::tier).distinct().toList()));
		model.addAttribute("error", error);
		model.addAttribute("csrf", CsrfField.of(csrfToken));
		return "billing/admin-member";
	}

	/**
	 * Back to this page, or to the staff page the form came from (the member list's
	 * member page).
	 */
	private static Object back(long memberId, @Nullable String next) {
		return Responses.seeOther(SafeRedirect.localPathOr(next, "/admin/billing/members/" + memberId));
	}

	private MemberProfile profile(long memberId) {
		return members.profile(memberId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such member"));
	}

	private static boolean cancelable(SubscriptionSummary subscription) {
		return switch (subscription.status()) {
			case TRIALING, ACTIVE, PAST_DUE, CANCELED -> true;
			case INCOMPLETE, INCOMPLETE_EXPIRED, EXPIRED -> false;
		};
	}

	private static String refundNotice(RefundOutcome outcome) {
		if (outcome instanceof RefundOutcome.Refunded refunded) {
			return " Refunded " + Money.format(refunded.amount(), refunded.currency()) + " for the unused part.";
		}
		if (outcome instanceof RefundOutcome.Refused refused) {
			return " The refund was refused: " + refused.reason();
		}
		return " The refund is waiting for the payment service and will be retried.";
	}

}
