package org.backstory.billing.web;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.backstory.billing.BillingInterval;
import org.backstory.billing.CardService;
import org.backstory.billing.Checkout;
import org.backstory.billing.CheckoutCard;
import org.backstory.billing.CheckoutOutcome;
import org.backstory.billing.CheckoutQuote;
import org.backstory.billing.CheckoutService;
import org.backstory.billing.Coupon;
import org.backstory.billing.CouponGuesses;
import org.backstory.billing.CouponRefusal;
import org.backstory.billing.Money;
import org.backstory.billing.PaymentGateway;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.SubscriptionService;
import org.backstory.members.SignedInMember;
import org.backstory.shared.BackstoryProperties;
import org.backstory.shared.web.CsrfField;
import org.backstory.shared.web.Responses;
import org.backstory.shared.web.SafeRedirect;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Checkout: the card form for one plan and interval, and paying for it. Only signed-in members get here
 * (the security configuration guards {@code /checkout/**}). When the gateway takes cards on its own page,
 * the form is a button that sends the member there, and paying happens when they come back
 * ({@code GET /checkout/{plan}/hosted}); a reload of that return page reports the first outcome. Every
 * request that carries a coupon code first counts it as a guess; while guesses are refused the code is not
 * checked, nothing is charged and the answer is 429.
 */
@Controller
class CheckoutController {

	private final PlanCatalog plans;

	private final SubscriptionService subscriptions;

	private final CheckoutService checkouts;

	private final CardService cards;

	private final BackstoryProperties backstory;

	private final Clock clock;

	private final ArticleParameter articles;

	private final CouponGuesses couponGuesses;

	CheckoutController(PlanCatalog plans, SubscriptionService subscriptions, CheckoutService checkouts,
			CardService cards, BackstoryProperties backstory, Clock clock, ArticleParameter articles,
			CouponGuesses couponGuesses) {
		this.plans = plans;
		this.subscriptions = subscriptions;
		this.checkouts = checkouts;
		this.cards = cards;
		this.backstory = backstory;
		this.clock = clock;
		this.articles = articles;
		this.couponGuesses = couponGuesses;
	}

	@GetMapping("/checkout/{planCode}")
	Object form(@PathVariable String planCode, @RequestParam(defaultValue = "month") String interval,
			@RequestParam(required = false) @Nullable String next,
			@RequestParam(required = false) @Nullable String coupon,
			@RequestParam(required = false) @Nullable String article, @AuthenticationPrincipal SignedInMember member,
			CsrfToken csrfToken, Model model, HttpServletRequest request, HttpServletResponse response) {
		Plan plan = activePlan(planCode);
		BillingInterval billingInterval = interval(interval);
		Responses.personal(response);
		if (subscriptions.isSubscribed(member.id())) {
			return Responses.seeOther("/account");
		}
		TypedCoupon typed = typedCoupon(member, coupon, request, response);
		return render(model, csrfToken, member, plan, billingInterval, UUID.randomUUID(), next, typed,
				articles.valid(article), null, CardForm.empty(), Map.of());
	}

	@PostMapping("/checkout/{planCode}")
	Object pay(@PathVariable String planCode, @RequestParam(defaultValue = "month") String interval,
			@RequestParam(required = false) @Nullable String next,
			@RequestParam(required = false) @Nullable String coupon,
			@RequestParam(required = false) @Nullable String article, @RequestParam String attempt, CardForm form,
			@AuthenticationPrincipal SignedInMember member, CsrfToken csrfToken, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		Plan plan = activePlan(planCode);
		BillingInterval billingInterval = interval(interval);
		UUID attemptId = Pages.attemptId(attempt);
		Responses.personal(response);
		if (hostedCard()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "cards are entered on the payment service's page");
		}
		@Nullable Long articleId = articles.valid(article);
		TypedCoupon typed = typedCoupon(member, coupon, request, response);
		CardForm.Checked checked = form.check(clock);
		if (typed.refused() || checked.card() == null) {
			if (!typed.refused()) {
				response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			}
			return render(model, csrfToken, member, plan, billingInterval, attemptId, next, typed, articleId, null,
					form.withoutSecrets(), checked.errors());
		}
		CheckoutOutcome outcome = checkouts.checkout(new Checkout(member.id(), member.email(), planCode,
				billingInterval, attemptId, checked.card(), typed.code(), articleId));
		return respond(outcome, member, plan, billingInterval, attemptId, next, typed, articleId,
				form.withoutSecrets(), csrfToken, model, response, redirect);
	}

	/** Sends the member to the gateway's page to enter their card; they come back to {@link #paid}. */
	@PostMapping("/checkout/{planCode}/hosted")
	Object toGateway(@PathVariable String planCode, @RequestParam(defaultValue = "month") String interval,
			@RequestParam(required = false) @Nullable String next,
			@RequestParam(required = false) @Nullable String coupon,
			@RequestParam(required = false) @Nullable String article, @RequestParam String attempt,
			@AuthenticationPrincipal SignedInMember member, CsrfToken csrfToken, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		Plan plan = activePlan(planCode);
		BillingInterval billingInterval = interval(interval);
		UUID attemptId = Pages.attemptId(attempt);
		@Nullable Long articleId = articles.valid(article);
		Responses.personal(response);
		if (subscriptions.isSubscribed(member.id())) {
			return Responses.seeOther("/account");
		}
		TypedCoupon typed = typedCoupon(member, coupon, request, response);
		if (typed.refused() || checkouts.quote(member.id(), planCode, billingInterval, typed.code())
			.map(CheckoutQuote::couponRefusal)
			.isPresent()) {
			// The coupon field says why; the member fixes it before going to the gateway's page.
			if (!typed.refused()) {
				response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			}
			return render(model, csrfToken, member, plan, billingInterval, attemptId, next, typed, articleId, null,
					CardForm.empty(), Map.of());
		}
		String returnTo = SafeRedirect.localPathOr(next, "");
		UriComponentsBuilder back = UriComponentsBuilder.fromPath("/checkout/" + plan.code())
			.queryParam("interval", billingInterval.code());
		if (!returnTo.isEmpty()) {
			back.queryParam("next", returnTo);
		}
		if (typed.code() != null) {
			back.queryParam("coupon", typed.code());
		}
		if (articleId != null) {
			back.queryParam("article", articleId);
		}
		String cancelPath = back.build().encode().toUriString();
		String returnPath = back.replacePath("/checkout/" + plan.code() + "/hosted")
			.queryParam("attempt", attemptId)
			.build()
			.encode()
			.toUriString();
		Optional<String> gatewayPage = checkouts.startCardSetup(member.id(), member.email(),
				backstory.link(returnPath), backstory.link(cancelPath));
		if (gatewayPage.isPresent()) {
			return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(gatewayPage.get())).build();
		}
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		return render(model, csrfToken, member, plan, billingInterval, attemptId, next, typed, articleId,
				"We couldn't reach the payment service. Please try again in a moment.", CardForm.empty(), Map.of());
	}

	/** The member is back from the gateway's page with their card: pay with it. */
	@GetMapping("/checkout/{planCode}/hosted")
	Object paid(@PathVariable String planCode, @RequestParam(defaultValue = "month") String interval,
			@RequestParam(required = false) @Nullable String next,
			@RequestParam(required = false) @Nullable String coupon,
			@RequestParam(required = false) @Nullable String article, @RequestParam String attempt,
			@RequestParam(PaymentGateway.SETUP_ID_PARAMETER) String setupId,
			@AuthenticationPrincipal SignedInMember member, CsrfToken csrfToken, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		Plan plan = activePlan(planCode);
		BillingInterval billingInterval = interval(interval);
		UUID attemptId = Pages.attemptId(attempt);
		Responses.personal(response);
		if (setupId.isBlank() || setupId.length() > 255) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "malformed card setup");
		}
		@Nullable Long articleId = articles.valid(article);
		TypedCoupon typed = typedCoupon(member, coupon, request, response);
		if (typed.refused()) {
			return render(model, csrfToken, member, plan, billingInterval, attemptId, next, typed, articleId, null,
					CardForm.empty(), Map.of());
		}
		CheckoutOutcome outcome = checkouts.checkout(new Checkout(member.id(), member.email(), planCode,
				billingInterval, attemptId, new CheckoutCard.FromSetup(setupId), typed.code(), articleId));
		return respond(outcome, member, plan, billingInterval, attemptId, next, typed, articleId, CardForm.empty(),
				csrfToken, model, response, redirect);
	}

	private Object respond(CheckoutOutcome outcome, SignedInMember member, Plan plan, BillingInterval billingInterval,
			UUID attemptId, @Nullable String next, TypedCoupon coupon, @Nullable Long articleId, CardForm form,
			CsrfToken csrfToken, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		if (outcome instanceof CheckoutOutcome.Subscribed) {
			redirect.addFlashAttribute("notice", "You're subscribed. Thank you!");
			return Responses.seeOther(SafeRedirect.localPathOr(next, "/account"));
		}
		if (outcome instanceof CheckoutOutcome.TrialStarted trial) {
			redirect.addFlashAttribute("notice",
					"Your free trial has started. Your first charge is on " + Pages.date(trial.trialEnd()) + ".");
			return Responses.seeOther(SafeRedirect.localPathOr(next, "/account"));
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
		return render(model, csrfToken, member, plan, billingInterval, nextAttempt, next, coupon, articleId, message,
				form, Map.of());
	}

	private String render(Model model, CsrfToken csrfToken, SignedInMember member, Plan plan,
			BillingInterval interval, UUID attemptId, @Nullable String next, TypedCoupon coupon,
			@Nullable Long articleId, @Nullable String message, CardForm form, Map<String, String> errors) {
		String returnTo = SafeRedirect.localPathOr(next, "");
		CheckoutQuote quote = checkouts.quote(member.id(), plan.code(), interval, coupon.checked())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such plan"));
		Coupon applied = quote.coupon();
		CouponRefusal refusal = quote.couponRefusal();
		String couponError = coupon.refused() ? CouponGuesses.TOO_MANY : refusal == null ? null : refusal.message();
		model.addAttribute("page", new CheckoutPage(plan.name(), Money.format(quote.price(), plan.currency()),
				interval.code(), "/checkout/" + plan.code(), attemptId.toString(), returnTo.isEmpty() ? null : returnTo,
				message, summary(quote), quote.trialEnd() != null ? "Start your free trial"
						: "Pay " + Money.format(quote.firstCharge(), plan.currency()) + " and subscribe",
				applied == null ? null : applied.code(),
				applied == null ? null : applied.code() + ": " + OfferTexts.coupon(applied), coupon.code(), couponError,
				articleId));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("csrf", CsrfField.of(csrfToken));
		model.addAttribute("hostedCard", hostedCard());
		return "billing/checkout";
	}

	/** What is charged when: today and every period, or nothing until the trial ends. */
	private static String summary(CheckoutQuote quote) {
		Plan plan = quote.plan();
		String interval = quote.interval().code();
		if (quote.trialEnd() == null) {
			return Money.format(quote.price(), plan.currency()) + " per " + interval + ", charged today and then every "
					+ interval + ".";
		}
		return OfferTexts.trial(plan.trialDays(), quote.price(), plan.currency(), interval)
				+ ". Nothing is charged today; your first charge of " + Money.format(quote.firstCharge(), plan.currency())
				+ " is on " + Pages.date(quote.trialEnd()) + ".";
	}

	/**
	 * The code typed in the coupon field, counted as a guess; when guesses are refused the answer is 429 and
	 * the code goes unchecked.
	 */
	private TypedCoupon typedCoupon(SignedInMember member, @Nullable String coupon, HttpServletRequest request,
			HttpServletResponse response) {
		TypedCoupon typed = TypedCoupon.of(coupon,
				couponGuesses.refused(member.id(), request.getRemoteAddr(), coupon));
		if (typed.refused()) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		}
		return typed;
	}

	private boolean hostedCard() {
		return cards.cardEntry() == PaymentGateway.CardEntry.HOSTED_PAGE;
	}

	private Plan activePlan(String code) {
		return plans.activePlan(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such plan"));
	}

	private static BillingInterval interval(String code) {
		return BillingInterval.fromCode(code)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "interval must be month or year"));
	}

}
