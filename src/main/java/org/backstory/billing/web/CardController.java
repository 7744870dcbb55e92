package org.backstory.billing.web;

import java.time.Clock;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.billing.CardChange;
import org.backstory.billing.CardService;
import org.backstory.members.SignedInMember;
import org.backstory.shared.web.CsrfField;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Replacing the card on file. */
@Controller
class CardController {

	private final CardService cards;

	private final Clock clock;

	CardController(CardService cards, Clock clock) {
		this.cards = cards;
		this.clock = clock;
	}

	@GetMapping("/account/card")
	String form(@AuthenticationPrincipal SignedInMember member, CsrfToken csrfToken, Model model,
			HttpServletResponse response) {
		Pages.personal(response);
		return render(model, csrfToken, member, CardForm.empty(), Map.of(), null);
	}

	@PostMapping("/account/card")
	Object replace(CardForm form, @AuthenticationPrincipal SignedInMember member, CsrfToken csrfToken, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Pages.personal(response);
		CardForm.Checked checked = form.check(clock);
		if (checked.card() == null) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return render(model, csrfToken, member, form.withoutSecrets(), checked.errors(), null);
		}
		CardChange change = cards.replaceCard(member.id(), member.email(), checked.card());
		if (change instanceof CardChange.Replaced) {
			redirect.addFlashAttribute("notice", "Your card has been updated.");
			return Pages.redirectTo("/account");
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
		return render(model, csrfToken, member, form.withoutSecrets(), Map.of(), message);
	}

	private String render(Model model, CsrfToken csrfToken, SignedInMember member, CardForm form,
			Map<String, String> errors, @Nullable String message) {
		model.addAttribute("current", cards.cardOnFile(member.id()).orElse(null));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("message", message);
		model.addAttribute("csrf", CsrfField.of(csrfToken));
		return "billing/card";
	}

}
