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
	Object form(@PathVariable String planCode, CheckoutRequest checkout, @AuthenticationPrincipal SignedInMember member,
			CsrfToken csrfToken, Model model, HttpServletRequest request, HttpServletResponse response) {
		Plan plan = activePlan(planCode);
		BillingInterval billingInterval = checkout.billingInterval();
		Responses.personal(response);
		if (subscriptions.isSubscribed(member.id())) {
			return Responses.seeOther("/account");
		}
		CheckoutChoice choice = choice(member, plan, billingInterval, checkout, request, response);
		return view.render(model, csrfToken, choice, UUID.randomUUID(), null, CardForm.empty(), Map.of());
	}

	@PostMapping("/checkout/{planCode}")
	Object pay(@PathVariable String planCode, CheckoutRequest checkout, CardForm form,
			@AuthenticationPrincipal SignedInMember member, CsrfToken csrfToken, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		Plan plan = activePlan(planCode);
		BillingInterval billingInterval = checkout.billingInterval();
		UUID attemptId = checkout.attemptId();
		Responses.personal(response);
		if (view.hostedCard()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"cards are entered on the payment service's page");
		}
		CheckoutChoice choice = choice(member, plan, billingInterval, checkout, request, response);
		CardForm.Checked checked = form.check(clock);
		if (choice.coupon().refused() || checked.card() == null) {
			if (!choice.coupon().refused()) {
				response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			}
			return view.render(model, csrfToken, choice, attemptId, null, form.withoutSecrets(), checked.errors());
		}
		CheckoutOutcome outcome = checkouts
			.checkout(new Checkout(member.id(), member.email(), planCode, billingInterval, attemptId, checked.card(),
					choice.coupon().code(), choice.articleId(), choice.offer(), choice.seats()));
		return answers.answer(outcome, choice, attemptId, form.withoutSecrets(), csrfToken, model, response, redirect);
	}

	/**
	 * Sends the member to the gateway's page to enter their card; they come back to
	 * {@link #paid}.
	 */
	@PostMapping("/checkout/{planCode}/hosted")
	Object toGateway(@PathVariable String planCode, CheckoutRequest checkout,
			@AuthenticationPrincipal SignedInMember member, CsrfToken csrfToken, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		Plan plan = activePlan(planCode);
		BillingInterval billingInterval = checkout.billingInterval();
		UUID attemptId = checkout.attemptId();
		Responses.personal(response);
		if (subscriptions.isSubscribed(member.id())) {
			return Responses.seeOther("/account");
		}
		CheckoutChoice choice = choice(member, plan, billingInterval, checkout, request, response);
		if (choice.coupon().refused() || checkouts
			.quote(member.id(), planCode, billingInterval, choice.coupon().code(), choice.offer(), choice.seats())
			.map(CheckoutQuote::couponRefusal)
			.isPresent()) {
			// The coupon field says why; the member fixes it before going to the
			// gateway's page.
			if (!choice.coupon().refused()) {
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
	Object paid(@PathVariable String planCode, CheckoutRequest checkout,
			@RequestParam(PaymentGateway.SETUP_ID_PARAMETER) String setupId,
			@AuthenticationPrincipal SignedInMember member, CsrfToken csrfToken, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		Plan plan = activePlan(planCode);
		BillingInterval billingInterval = checkout.billingInterval();
		UUID attemptId = checkout.attemptId();
		Responses.personal(response);
		if (setupId.isBlank() || setupId.length() > 255) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "malformed card setup");
		}
		CheckoutChoice choice = choice(member, plan, billingInterval, checkout, request, response);
		if (choice.coupon().refused()) {
			return view.render(model, csrfToken, choice, attemptId, null, CardForm.empty(), Map.of());
		}
		CheckoutOutcome outcome = checkouts.checkout(new Checkout(member.id(), member.email(), planCode,
				billingInterval, attemptId, new CheckoutCard.FromSetup(setupId), choice.coupon().code(),
				choice.articleId(), choice.offer(), choice.seats()));
		return answers.answer(outcome, choice, attemptId, CardForm.empty(), csrfToken, model, response, redirect);
	}

	/**
	 * The member's choice on this page. The code typed in the coupon field is counted as
	 * a guess first; when guesses are refused the answer is 429 and the code goes
	 * unchecked.
	 */
	private CheckoutChoice choice(SignedInMember member, Plan plan, BillingInterval interval, CheckoutRequest checkout,
			HttpServletRequest request, HttpServletResponse response) {
		Integer seats = plans.find(plan.code()).map(p -> p.forSeats(checkout.seatCount()).seats()).orElse(null);
		String offer = checkout.offer() == null || checkout.offer().isBlank() ? null : checkout.offer().strip();
		if (offer != null) {
			// An offer's code is in a public link, not a secret to guess: it is not
			// counted, and its terms take the coupon field's place.
			return new CheckoutChoice(member, plan, interval, checkout.next(), TypedCoupon.of(null, false),
					articles.valid(checkout.article()), offer, seats);
		}
		TypedCoupon typed = TypedCoupon.of(checkout.coupon(),
				couponGuesses.refused(member.id(), request.getRemoteAddr(), checkout.coupon()));
		if (typed.refused()) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		}
		return new CheckoutChoice(member, plan, interval, checkout.next(), typed, articles.valid(checkout.article()),
				null, seats);
	}

	private Plan activePlan(String code) {
		return plans.activePlan(code)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such plan"));
	}

}
