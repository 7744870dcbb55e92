package org.backstory.billing.web;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.billing.card.CardChange;
import org.backstory.billing.card.CardService;
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

/**
 * Replacing the card on file: on our form, or, when the gateway takes cards on its own
 * page, by sending the member there and filing the card when they come back
 * ({@code GET /account/card/hosted}).
 */
@Controller
class CardController {

	private final CardService cards;

	private final BackstoryProperties backstory;

	private final Clock clock;

	CardController(CardService cards, BackstoryProperties backstory, Clock clock) {
		this.cards = cards;
		this.backstory = backstory;
		this.clock = clock;
	}

	@GetMapping("/account/card")
	String form(@AuthenticationPrincipal SignedInMember member, CsrfToken csrfToken, Model model,
			HttpServletResponse response) {
		Responses.personal(response);
		return render(model, csrfToken, member, CardForm.empty(), Map.of(), null);
	}

	@PostMapping("/account/card")
	Object replace(CardForm form, @AuthenticationPrincipal SignedInMember member, CsrfToken csrfToken, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Responses.personal(response);
		if (hostedCard()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"cards are entered on the payment service's page");
		}
		CardForm.Checked checked = form.check(clock);
		if (checked.card() == null) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return render(model, csrfToken, member, form.withoutSecrets(), checked.errors(), null);
		}
		CardChange change = cards.replaceCard(member.id(), member.email(), checked.card());
		return respond(change, member, form.withoutSecrets(), csrfToken, model, response, redirect);
	}

	/**
	 * Sends the member to the gateway's page to enter their card; they come back to
	 * {@link #entered}.
	 */
	@PostMapping("/account/card/hosted")
	Object toGateway(@AuthenticationPrincipal SignedInMember member, CsrfToken csrfToken, Model model,
			HttpServletResponse response) {
		Responses.personal(response);
		Optional<String> gatewayPage = cards.startCardSetup(member.id(), member.email(),
				backstory.link("/account/card/hosted"), backstory.link("/account/card"));
		if (gatewayPage.isPresent()) {
			return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(gatewayPage.get())).build();
		}
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		return render(model, csrfToken, member, CardForm.empty(), Map.of(),
				"We couldn't reach the payment service. Your card was not changed; please try again.");
	}

	/** The member is back from the gateway's page: file the card they entered. */
	@GetMapping("/account/card/hosted")
	Object entered(@RequestParam(PaymentGateway.SETUP_ID_PARAMETER) String setupId,
			@AuthenticationPrincipal SignedInMember member, CsrfToken csrfToken, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Responses.personal(response);
		if (setupId.isBlank() || setupId.length() > 255) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "malformed card setup");
		}
		CardChange change = cards.finishCardSetup(member.id(), setupId);
		return respond(change, member, CardForm.empty(), csrfToken, model, response, redirect);
	}

	private Object respond(CardChange change, SignedInMember member, CardForm form, CsrfToken csrfToken, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (change instanceof CardChange.Replaced) {
			redirect.addFlashAttribute("notice", "Your card has been updated.");
			return Responses.seeOther("/account");
		}
		String message;
		if (change instanceof CardChange.Declined declined) {
			response.setStatus(HttpStatus.PAYMENT_REQUIRED.value());
			message = declined.message();
		}
		else {
			response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			message = "We couldn't reach the payment service. Your card was not changed; please try again.";
		}
		return render(model, csrfToken, member, form, Map.of(), message);
	}

	private String render(Model model, CsrfToken csrfToken, SignedInMember member, CardForm form,
			Map<String, String> errors, @Nullable String message) {
		model.addAttribute("current", cards.cardOnFile(member.id()).orElse(null));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("message", message);
		model.addAttribute("csrf", CsrfField.of(csrfToken));
		model.addAttribute("hostedCard", hostedCard());
		return "billing/card";
	}

	private boolean hostedCard() {
		return cards.cardEntry() == PaymentGateway.CardEntry.HOSTED_PAGE;
	}

}
