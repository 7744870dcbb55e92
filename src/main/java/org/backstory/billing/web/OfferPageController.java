package org.backstory.billing.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.billing.Money;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.checkout.Offer;
import org.backstory.billing.checkout.OfferService;
import org.backstory.members.SignedInMember;
import org.backstory.shared.web.Responses;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * An offer's landing page, {@code /offer/<code>}: its title and text, the plan and the
 * price before and after, and the way to a checkout with the offer applied (through
 * sign-up for readers who are not signed in). Every view is counted (one counter per
 * offer and day), so the page is never cached. An archived offer's page answers 410 and
 * says it is no longer available.
 */
@Controller
class OfferPageController {

	private final OfferService offers;

	private final PlanCatalog plans;

	OfferPageController(OfferService offers, PlanCatalog plans) {
		this.offers = offers;
		this.plans = plans;
	}

	@GetMapping("/offer/{code}")
	String landing(@PathVariable String code, @AuthenticationPrincipal @Nullable SignedInMember member, Model model,
			HttpServletResponse response) {
		Responses.personal(response);
		Offer offer = offers.offer(code)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no such offer."));
		Plan plan = plans.find(offer.planCode()).orElseThrow().plan();
		if (!offer.active() || !plan.active()) {
			response.setStatus(HttpStatus.GONE.value());
			model.addAttribute("page", OfferPage.ended(offer.title()));
			return "billing/offer";
		}
		offers.viewed(offer);
		String checkout = "/checkout/" + plan.code() + "?interval=" + offer.interval().code() + "&offer="
				+ offer.code();
		String next = URLEncoder.encode(checkout, StandardCharsets.UTF_8);
		String href = member != null ? checkout : "/signup?next=" + next;
		long price = plan.price(offer.interval());
		long first = offers.firstPayment(offer, plan);
		String per = "/" + offer.interval().code();
		model.addAttribute("page",
				new OfferPage(offer.title(), offer.description(), plan.name(),
						OfferTexts.offer(offer, price, plan.currency()), Money.format(price, plan.currency()) + per,
						first == price ? null : Money.format(first, plan.currency()), href,
						offer.discount() == null ? "Start your free trial" : "Claim this offer",
						member == null ? "/login?next=" + next : null));
		return "billing/offer";
	}

}
