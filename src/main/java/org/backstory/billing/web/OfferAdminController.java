package org.backstory.billing.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.checkout.Offer;
import org.backstory.billing.checkout.OfferService;
import org.backstory.billing.checkout.OfferSummary;
import org.backstory.members.SignedInMember;
import org.backstory.shared.web.CsrfField;
import org.backstory.shared.web.Responses;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
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
 * The offers page: every offer with its views, redemptions and conversion, a form for a
 * new one, editing an offer's title and text, and archiving it. Only the owner may open
 * it (other staff get 403), as for coupons: an offer gives money away.
 */
@Controller
@PreAuthorize("hasRole('OWNER')")
class OfferAdminController {

	private static final String PATH = "/admin/billing/offers";

	private final OfferService offers;

	private final PlanCatalog plans;

	OfferAdminController(OfferService offers, PlanCatalog plans) {
		this.offers = offers;
		this.plans = plans;
	}

	@GetMapping(PATH)
	String list(CsrfToken csrfToken, Model model, HttpServletResponse response) {
		Responses.personal(response);
		return render(model, csrfToken, OfferForm.empty(), Map.of());
	}

	@PostMapping(PATH)
	Object create(OfferForm form, @AuthenticationPrincipal SignedInMember owner, CsrfToken csrfToken, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Responses.personal(response);
		OfferForm.Checked checked = form.check();
		return OwnerListPage.create(PATH, checked.offer(), checked.errors(),
				offer -> offers.createByStaff(owner.id(), offer).isPresent(),
				"An offer or a coupon with this code already exists.",
				offer -> "Offer created. Its page is /offer/" + offer.code() + ".", redirect, response,
				errors -> render(model, csrfToken, form, errors));
	}

	@GetMapping(PATH + "/{code}")
	String edit(@PathVariable String code, CsrfToken csrfToken, Model model, HttpServletResponse response) {
		Responses.personal(response);
		Offer offer = offer(code);
		return renderEdit(model, csrfToken, offer, offer.title(), offer.description(), null);
	}

	@PostMapping(PATH + "/{code}")
	Object save(@PathVariable String code, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String description, @AuthenticationPrincipal SignedInMember owner,
			CsrfToken csrfToken, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Responses.personal(response);
		Offer offer = offer(code);
		try {
			offers.retitleByStaff(owner.id(), offer.code(), title.strip(), description.strip());
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return renderEdit(model, csrfToken, offer, title, description, ex.getMessage());
		}
		redirect.addFlashAttribute("notice", "Offer " + offer.code() + " saved.");
		return Responses.seeOther(PATH);
	}

	@PostMapping(PATH + "/{code}/archive")
	Object archive(@PathVariable String code, @AuthenticationPrincipal SignedInMember owner,
			RedirectAttributes redirect) {
		Offer offer = offer(code);
		if (!offers.archiveByStaff(owner.id(), offer.code())) {
			throw new ResponseStatusException(HttpStatus.CONFLICT, "This offer is archived already.");
		}
		redirect.addFlashAttribute("notice", "Offer " + offer.code()
				+ " archived. Its page now says it is no longer available; subscribers who took it keep their terms.");
		return Responses.seeOther(PATH);
	}

	private Offer offer(String code) {
		return offers.offer(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such offer"));
	}

	private String render(Model model, CsrfToken csrfToken, OfferForm form, Map<String, String> errors) {
		List<OfferRow> rows = offers.summaries().stream().map(this::row).toList();
		return OwnerListPage.render(model, csrfToken, "offers", rows, plans, form, errors, "billing/offers");
	}

	private String renderEdit(Model model, CsrfToken csrfToken, Offer offer, String title, String description,
			@Nullable String error) {
		model.addAttribute("code", offer.code());
		model.addAttribute("title", title);
		model.addAttribute("description", description);
		model.addAttribute("error", error);
		model.addAttribute("csrf", CsrfField.of(csrfToken));
		return "billing/offer-edit";
	}

	private OfferRow row(OfferSummary summary) {
		Offer offer = summary.offer();
		var plan = plans.find(offer.planCode()).orElseThrow().plan();
		return new OfferRow(offer.code(), offer.title(), plan.name() + ", " + offer.interval().code() + "ly",
				OfferTexts.offer(offer, plan.price(offer.interval()), plan.currency()), summary.views(),
				summary.redemptions(), summary.conversionPercent() + "%", offer.active());
	}

}
