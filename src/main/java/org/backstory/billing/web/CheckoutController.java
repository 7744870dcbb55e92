package org.backstory.billing.web;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.backstory.billing.BillingInterval;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.SubscriptionService;
import org.backstory.billing.checkout.Checkout;
import org.backstory.billing.checkout.CheckoutOutcome;
import org.backstory.billing.checkout.CheckoutQuote;
import org.backstory.billing.checkout.CheckoutService;
import org.backstory.billing.checkout.CouponGuesses;
import org.backstory.billing.payment.CheckoutCard;
import org.backstory.billing.payment.PaymentGateway;
import org.backstory.members.SignedInMember;
import org.backstory.shared.BackstoryProperties;
import org.backstory.shared.web.Responses;
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

/**
 * Checkout: the card form for one plan and interval, and paying for it. Only signed-in
 * members get here (the security configuration guards {@code /checkout/**}). When the
 * gateway takes cards on its own page, the form is a button that sends the member there,
 * and paying happens when they come back ({@code GET /checkout/{plan}/hosted}); a reload
 * of that return page reports the first outcome. Every request that carries a coupon code
 * first counts it as a guess; while guesses are refused the code is not checked, nothing
 * is charged and the answer is 429.
 */
@Controller
class CheckoutController {

	private final PlanCatalog plans;

	private final SubscriptionService subscriptions;

	private final CheckoutService checkouts;

	private final BackstoryProperties backstory;

	private final Clock clock;

	private final ArticleParameter articles;

	private final CouponGuesses couponGuesses;

	private final CheckoutView view;

	private final CheckoutAnswers answers;

	CheckoutController(PlanCatalog plans, SubscriptionService subscriptions, CheckoutService checkouts,
			BackstoryProperties backstory, Clock clock, ArticleParameter articles, CouponGuesses couponGuesses,
			CheckoutView view, CheckoutAnswers answers) {
		this.plans = plans;
		this.subscriptions = subscriptions;
		this.checkouts = checkouts;
		this.backstory = backstory;
		this.clock = clock;
		this.articles = articles;
		this.couponGuesses = couponGuesses;
		this.view = view;
		this.answers = answers;
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
		CheckoutChoice choice = new CheckoutChoice(member, plan, billingInterval, next, typed, articles.valid(article));
		return view.render(model, csrfToken, choice, UUID.randomUUID(), null, CardForm.empty(), Map.of());
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
		if (view.hostedCard()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"cards are entered on the payment service's page");
		}
		@Nullable Long articleId = articles.valid(article);
		TypedCoupon typed = typedCoupon(member, coupon, request, response);
		CheckoutChoice choice = new CheckoutChoice(member, plan, billingInterval, next, typed, articleId);
		CardForm.Checked checked = form.check(clock);
		if (typed.refused() || checked.card() == null) {
			if (!typed.refused()) {
				response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			}
			return view.render(model, csrfToken, choice, attemptId, null, form.withoutSecrets(), checked.errors());
		}
		CheckoutOutcome outcome = checkouts.checkout(new Checkout(member.id(), member.email(), planCode,
				billingInterval, attemptId, checked.card(), typed.code(), articleId));
		return answers.answer(outcome, choice, attemptId, form.withoutSecrets(), csrfToken, model, response, redirect);
	}

	/**
	 * Sends the member to the gateway's page to enter their card; they come back to
	 * {@link #paid}.
	 */
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
		CheckoutChoice choice = new CheckoutChoice(member, plan, billingInterval, next, typed, articleId);
		if (typed.refused() || checkouts.quote(member.id(), planCode, billingInterval, typed.code())
			.map(CheckoutQuote::couponRefusal)
			.isPresent()) {
			// The coupon field says why; the member fixes it before going to the
			// gateway's page.
			if (!typed.refused()) {
				response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			}
			return view.render(model, csrfToken, choice, attemptId, null, CardForm.empty(), Map.of());
		}
		HostedCheckoutLinks links = HostedCheckoutLinks.of(choice, attemptId);
		Optional<String> gatewayPage = checkouts.startCardSetup(member.id(), member.email(),
				backstory.link(links.returnPath()), backstory.link(links.cancelPath()));
		if (gatewayPage.isPresent()) {
			return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(gatewayPage.get())).build();
		}
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		return view.render(model, csrfToken, choice, attemptId,
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
		CheckoutChoice choice = new CheckoutChoice(member, plan, billingInterval, next, typed, articleId);
		if (typed.refused()) {
			return view.render(model, csrfToken, choice, attemptId, null, CardForm.empty(), Map.of());
		}
		CheckoutOutcome outcome = checkouts.checkout(new Checkout(member.id(), member.email(), planCode,
				billingInterval, attemptId, new CheckoutCard.FromSetup(setupId), typed.code(), articleId));
		return answers.answer(outcome, choice, attemptId, CardForm.empty(), csrfToken, model, response, redirect);
	}

	/**
	 * The code typed in the coupon field, counted as a guess; when guesses are refused
	 * the answer is 429 and the code goes unchecked.
	 */
	private TypedCoupon typedCoupon(SignedInMember member, @Nullable String coupon, HttpServletRequest request,
			HttpServletResponse response) {
		TypedCoupon typed = TypedCoupon.of(coupon, couponGuesses.refused(member.id(), request.getRemoteAddr(), coupon));
		if (typed.refused()) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		}
		return typed;
	}

	private Plan activePlan(String code) {
		return plans.activePlan(code)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such plan"));
	}

	private static BillingInterval interval(String code) {
		return BillingInterval.fromCode(code)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "interval must be month or year"));
	}

}
