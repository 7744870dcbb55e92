package org.backstory.billing.web;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.billing.Money;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.card.CardService;
import org.backstory.billing.gift.GiftOutcome;
import org.backstory.billing.gift.GiftPurchase;
import org.backstory.billing.gift.GiftService;
import org.backstory.billing.payment.CheckoutCard;
import org.backstory.billing.payment.PaymentGateway;
import org.backstory.members.SignedInMember;
import org.backstory.shared.BackstoryProperties;
import org.backstory.shared.web.CsrfField;
import org.backstory.shared.web.Responses;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Buying a gift subscription ({@code /gift}): signed-in members only, so the receipt has
 * somewhere to go and the charge someone to answer for it. When the gateway takes cards
 * on its own page, the buyer goes there and the gift is paid for when they come back
 * ({@code GET /gift/hosted}, which carries the gift's details; a reload reports the first
 * outcome).
 */
@Controller
class GiftController {

	private final GiftService gifts;

	private final PlanCatalog plans;

	private final CardService cards;

	private final BackstoryProperties backstory;

	private final Clock clock;

	GiftController(GiftService gifts, PlanCatalog plans, CardService cards, BackstoryProperties backstory,
			Clock clock) {
		this.gifts = gifts;
		this.plans = plans;
		this.cards = cards;
		this.backstory = backstory;
		this.clock = clock;
	}

	@GetMapping("/gift")
	Object form(@AuthenticationPrincipal @Nullable SignedInMember member, CsrfToken csrfToken, Model model,
			HttpServletResponse response) {
		if (member == null) {
			return Responses.seeOther(Pages.signIn("/login", "/gift"));
		}
		Responses.personal(response);
		return render(model, csrfToken, UUID.randomUUID(), null, GiftForm.empty(), CardForm.empty(), Map.of());
	}

	@PostMapping("/gift")
	Object purchase(GiftForm gift, CardForm card, @RequestParam String attempt,
			@AuthenticationPrincipal @Nullable SignedInMember member, CsrfToken csrfToken, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (member == null) {
			return Responses.seeOther(Pages.signIn("/login", "/gift"));
		}
		Responses.personal(response);
		UUID attemptId = Pages.attemptId(attempt);
		if (hostedCard()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"cards are entered on the payment service's page");
		}
		CardForm.Checked checked = card.check(clock);
		Map<String, String> errors = new LinkedHashMap<>(gift.errors());
		errors.putAll(checked.errors());
		if (!errors.isEmpty() || checked.card() == null) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return render(model, csrfToken, attemptId, null, gift, card.withoutSecrets(), errors);
		}
		return respond(gifts.purchase(order(member, gift, attemptId, checked.card())), gift, attemptId,
				card.withoutSecrets(), csrfToken, model, response, redirect);
	}

	/**
	 * Sends the buyer to the gateway's page to enter their card; they come back to
	 * {@link #paid}.
	 */
	@PostMapping("/gift/hosted")
	Object toGateway(GiftForm gift, @RequestParam String attempt,
			@AuthenticationPrincipal @Nullable SignedInMember member, CsrfToken csrfToken, Model model,
			HttpServletResponse response) {
		if (member == null) {
			return Responses.seeOther(Pages.signIn("/login", "/gift"));
		}
		Responses.personal(response);
		UUID attemptId = Pages.attemptId(attempt);
		Map<String, String> errors = gift.errors();
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return render(model, csrfToken, attemptId, null, gift, CardForm.empty(), errors);
		}
		// The gift travels in the return address, so nothing is written until the buyer
		// is back with a card.
		String returnPath = UriComponentsBuilder.fromPath("/gift/hosted")
			.queryParam("attempt", attemptId)
			.queryParam("plan", GiftForm.text(gift.plan()))
			.queryParam("months", gift.monthCount())
			.queryParam("recipientEmail", GiftForm.text(gift.recipientEmail()))
			.queryParam("message", GiftForm.text(gift.message()))
			.build()
			.encode()
			.toUriString();
		Optional<String> gatewayPage = gifts.startCardSetup(member.id(), member.email(), backstory.link(returnPath),
				backstory.link("/gift"));
		if (gatewayPage.isPresent()) {
			return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(gatewayPage.get())).build();
		}
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		return render(model, csrfToken, attemptId,
				"We couldn't reach the payment service. Please try again in a moment.", gift, CardForm.empty(),
				Map.of());
	}

	/**
	 * The buyer is back from the gateway's page with their card: pay for the gift with
	 * it.
	 */
	@GetMapping("/gift/hosted")
	Object paid(GiftForm gift, @RequestParam String attempt,
			@RequestParam(PaymentGateway.SETUP_ID_PARAMETER) String setupId,
			@AuthenticationPrincipal @Nullable SignedInMember member, CsrfToken csrfToken, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (member == null) {
			return Responses.seeOther(Pages.signIn("/login", "/gift"));
		}
		Responses.personal(response);
		UUID attemptId = Pages.attemptId(attempt);
		if (!gift.errors().isEmpty() || setupId.isBlank() || setupId.length() > 255) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "malformed gift return");
		}
		return respond(gifts.purchase(order(member, gift, attemptId, new CheckoutCard.FromSetup(setupId))), gift,
				attemptId, CardForm.empty(), csrfToken, model, response, redirect);
	}

	private static GiftPurchase order(SignedInMember member, GiftForm gift, UUID attemptId, CheckoutCard card) {
		String message = GiftForm.text(gift.message());
		return new GiftPurchase(member.id(), member.email(), member.name(), GiftForm.text(gift.plan()),
				gift.monthCount(), GiftForm.text(gift.recipientEmail()), message.isEmpty() ? null : message, attemptId,
				card);
	}

	private Object respond(GiftOutcome outcome, GiftForm gift, UUID attemptId, CardForm card, CsrfToken csrfToken,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		if (outcome instanceof GiftOutcome.Purchased purchased) {
			redirect.addFlashAttribute("notice", "Thank you! Your gift is on its way to " + purchased.recipientEmail()
					+ ". We have emailed you a receipt.");
			return Responses.seeOther("/gift");
		}
		if (outcome instanceof GiftOutcome.PlanUnavailable) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return render(model, csrfToken, attemptId, null, gift, card, Map.of("plan", "Choose a plan."));
		}
		if (outcome instanceof GiftOutcome.Declined declined) {
			// A declined attempt is finished: trying again (another card) is a new
			// attempt.
			response.setStatus(HttpStatus.PAYMENT_REQUIRED.value());
			return render(model, csrfToken, UUID.randomUUID(), declined.message(), gift, card, Map.of());
		}
		// Outcome unknown: resubmitting the same attempt asks the gateway again and
		// cannot charge twice.
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		return render(model, csrfToken, attemptId, "We couldn't confirm your payment with the payment service. "
				+ "Please submit again: you will not be charged twice.", gift, card, Map.of());
	}

	private String render(Model model, CsrfToken csrfToken, UUID attemptId, @Nullable String message, GiftForm gift,
			CardForm card, Map<String, String> errors) {
		List<GiftPage.GiftPlanOption> options = plans.activePlans()
			.stream()
			.map(plan -> new GiftPage.GiftPlanOption(plan.code(),
					plan.name() + ", " + Money.format(plan.monthlyPrice(), plan.currency()) + " a month"))
			.toList();
		model.addAttribute("page", new GiftPage(options, attemptId.toString(), message));
		model.addAttribute("gift", gift);
		model.addAttribute("form", card);
		model.addAttribute("errors", errors);
		model.addAttribute("csrf", CsrfField.of(csrfToken));
		model.addAttribute("hostedCard", hostedCard());
		return "billing/gift";
	}

	private boolean hostedCard() {
		return cards.cardEntry() == PaymentGateway.CardEntry.HOSTED_PAGE;
	}

}
