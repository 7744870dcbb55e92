package org.backstory.newsletters.web;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.members.SignedInMember;
import org.backstory.newsletters.AddressConfirmations;
import org.backstory.newsletters.AddressConfirmations.LinkState;
import org.backstory.newsletters.Suppressions;
import org.backstory.shared.web.CsrfField;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Where a signed-in member whose address is suppressed sees why and asks for a
 * confirmation link, and where that link leads. Opening the link shows a button rather
 * than confirming at once, so mail scanners that fetch links do not use it up.
 */
@Controller
class AddressConfirmationController {

	private static final String PATH = AddressConfirmations.PATH;

	private final AddressConfirmations confirmations;

	private final Suppressions suppressions;

	AddressConfirmationController(AddressConfirmations confirmations, Suppressions suppressions) {
		this.confirmations = confirmations;
		this.suppressions = suppressions;
	}

	@GetMapping(PATH)
	String status(@AuthenticationPrincipal SignedInMember member, CsrfToken csrfToken, Model model) {
		return statusPage(member, csrfToken, model, null);
	}

	@PostMapping(PATH)
	String request(@AuthenticationPrincipal SignedInMember member, CsrfToken csrfToken, Model model,
			HttpServletResponse response) {
		return switch (confirmations.request(member.id())) {
			case SENT -> message(model, "Check your inbox",
					"We've emailed a confirmation link to " + member.email() + ". It works once, within 24 hours.",
					null, null);
			case THROTTLED -> {
				response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
				yield statusPage(member, csrfToken, model, "We sent you a link less than 5 minutes ago. "
						+ "Check your inbox (and your spam folder), or ask again in a few minutes.");
			}
			case NOT_SUPPRESSED -> statusPage(member, csrfToken, model, null);
		};
	}

	@GetMapping(PATH + "/{token}")
	String link(@AuthenticationPrincipal SignedInMember member, @PathVariable String token, CsrfToken csrfToken,
			Model model, HttpServletResponse response) {
		LinkState state = confirmations.check(token, member.id());
		if (state != LinkState.USABLE) {
			return deadLink(model, response, state);
		}
		model.addAttribute("csrf", CsrfField.of(csrfToken));
		model.addAttribute("action", PATH + "/" + token);
		model.addAttribute("address", member.email());
		return "newsletters/confirm-address-link";
	}

	@PostMapping(PATH + "/{token}")
	String confirm(@AuthenticationPrincipal SignedInMember member, @PathVariable String token, Model model,
			HttpServletResponse response) {
		LinkState state = confirmations.confirm(token, member.id());
		if (state != LinkState.CONFIRMED) {
			return deadLink(model, response, state);
		}
		return message(model, "Address confirmed", "Your address is confirmed; newsletters will reach you again.",
				"/account/newsletters", "Choose your newsletters");
	}

	private String statusPage(SignedInMember member, CsrfToken csrfToken, Model model, @Nullable String error) {
		model.addAttribute("csrf", CsrfField.of(csrfToken));
		model.addAttribute("address", member.email());
		model.addAttribute("explanation",
				suppressions.find(member.email()).map(suppression -> suppression.reason().explanation()).orElse(null));
		model.addAttribute("error", error);
		return "newsletters/confirm-address";
	}

	private static String deadLink(Model model, HttpServletResponse response, LinkState state) {
		String why = switch (state) {
			case EXPIRED -> "This confirmation link has expired: links work for 24 hours.";
			case USED -> "This confirmation link has already been used: each link works once.";
			case ADDRESS_CHANGED -> "Your email address has changed since this link was sent, so it cannot confirm it.";
			default ->
				"This confirmation link is not valid. It may have been replaced by a newer one, or belong to another account.";
		};
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		return message(model, "Confirmation link no longer works", why + " Ask for a new one if you still need it.",
				PATH, "Your address and newsletters");
	}

	private static String message(Model model, String title, String message, @Nullable String linkHref,
			@Nullable String linkText) {
		model.addAttribute("title", title);
		model.addAttribute("message", message);
		model.addAttribute("linkHref", linkHref);
		model.addAttribute("linkText", linkText);
		return "newsletters/address-message";
	}

}
