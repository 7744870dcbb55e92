package org.backstory.billing.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.billing.GiftLinkAllowances;
import org.backstory.billing.GroupTerms;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanAdministration;
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
 * Plans and prices, for the owner: every plan with a form for its prices, archiving, and
 * a new plan. A new price is for new subscribers; existing subscriptions keep the price
 * they were bought at.
 */
@Controller
@PreAuthorize("hasRole('OWNER')")
class PlanAdminController {

	private static final String PATH = "/admin/settings/plans";

	private final PlanAdministration plans;

	PlanAdminController(PlanAdministration plans) {
		this.plans = plans;
	}

	@GetMapping(PATH)
	String list(CsrfToken csrfToken, Model model, HttpServletResponse response) {
		Responses.personal(response);
		return render(model, csrfToken, PlanForm.empty(), Map.of(), null, null);
	}

	@PostMapping(PATH)
	Object create(PlanForm form, @AuthenticationPrincipal SignedInMember owner, CsrfToken csrfToken, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Responses.personal(response);
		PlanForm.Checked checked = form.plan();
		Map<String, String> errors = checked.errors();
		if (checked.plan() != null) {
			if (plans.create(checked.plan(), owner.id()).isPresent()) {
				redirect.addFlashAttribute("notice", "Plan " + checked.plan().name() + " created.");
				return Responses.seeOther(PATH);
			}
			errors = Map.of("code", "A plan with this code already exists.");
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return render(model, csrfToken, form, errors, null, null);
	}

	@PostMapping(PATH + "/{code}/prices")
	Object changePrices(@PathVariable String code, PlanForm form, @AuthenticationPrincipal SignedInMember owner,
			CsrfToken csrfToken, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Responses.personal(response);
		Plan plan = plans.plan(code)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such plan"));
		PlanForm.Prices prices = form.prices(plan.currency());
		if (!prices.errors().isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return render(model, csrfToken, PlanForm.empty(), prices.errors(), code, form);
		}
		plans.changePrices(code, prices.monthly(), prices.yearly(), owner.id());
		redirect.addFlashAttribute("notice", "New prices for " + plan.name()
				+ " saved. New subscribers pay them from now on; existing subscribers keep their price.");
		return Responses.seeOther(PATH);
	}

	/**
	 * How many articles a subscriber to the plan may gift a month (issue 16 §2), from
	 * their next gift link.
	 */
	@PostMapping(PATH + "/{code}/gift-links")
	Object changeGiftLinks(@PathVariable String code, @RequestParam(defaultValue = "") String giftLinksPerMonth,
			@AuthenticationPrincipal SignedInMember owner, CsrfToken csrfToken, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Responses.personal(response);
		Plan plan = plans.plan(code)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such plan"));
		try {
			plans.changeGiftLinksPerMonth(code, Integer.parseInt(giftLinksPerMonth.strip()), owner.id());
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("giftFormOf", code);
			return render(model, csrfToken, PlanForm.empty(),
					Map.of("giftLinksPerMonth",
							"Gift links a month must be a whole number from 0 to " + GiftLinkAllowances.MOST + "."),
					null, null);
		}
		redirect.addFlashAttribute("notice",
				"Subscribers to " + plan.name() + " may now gift " + giftLinksPerMonth.strip() + " articles a month.");
		return Responses.seeOther(PATH);
	}

	@PostMapping(PATH + "/{code}/group")
	Object changeGroupTerms(@PathVariable String code, GroupTermsForm form,
			@AuthenticationPrincipal SignedInMember owner, CsrfToken csrfToken, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Responses.personal(response);
		Plan plan = plans.plan(code)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such plan"));
		GroupTermsForm.Checked checked = form.check(plan.currency());
		if (!checked.errors().isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			Map<String, PlanRow> typed = Map.of(code, PlanRow.of(plan, null).typed(form));
			return render(model, csrfToken, PlanForm.empty(), checked.errors(), null, null, typed);
		}
		plans.changeGroupTerms(code, checked.terms(), owner.id());
		redirect.addFlashAttribute("notice",
				checked.terms() == null ? plan.name() + " is not a group plan now."
						: plan.name() + " is a group plan now: " + checked.terms().includedSeats()
								+ " seats included. Running group subscriptions keep their seats and price.");
		return Responses.seeOther(PATH);
	}

	@PostMapping(PATH + "/{code}/archive")
	Object archive(@PathVariable String code, @AuthenticationPrincipal SignedInMember owner,
			RedirectAttributes redirect) {
		if (!plans.archive(code, owner.id())) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such plan");
		}
		redirect.addFlashAttribute("notice",
				"Plan archived: it is no longer offered. Its subscribers keep it and renew on it.");
		return Responses.seeOther(PATH);
	}

	private String render(Model model, CsrfToken csrfToken, PlanForm form, Map<String, String> errors,
			@Nullable String priceFormOf, @Nullable PlanForm typedPrices) {
		return render(model, csrfToken, form, errors, priceFormOf, typedPrices, Map.of());
	}

	private String render(Model model, CsrfToken csrfToken, PlanForm form, Map<String, String> errors,
			@Nullable String priceFormOf, @Nullable PlanForm typedPrices, Map<String, PlanRow> typedGroups) {
		Map<String, GroupTerms> terms = plans.groupTerms();
		List<PlanRow> rows = plans.plans()
			.stream()
			.map(plan -> PlanRow.of(plan, terms.get(plan.code())))
			.map(row -> typedPrices != null && row.code().equals(priceFormOf) ? row.typed(typedPrices) : row)
			.map(row -> typedGroups.containsKey(row.code()) ? row.typed(typedGroups.get(row.code()).group()) : row)
			.toList();
		model.addAttribute("plans", rows);
		model.addAttribute("giftLinks", plans.giftLinksPerMonth());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("priceFormOf", priceFormOf == null ? "" : priceFormOf);
		model.addAttribute("groupFormOf", typedGroups.keySet().stream().findFirst().orElse(""));
		model.addAttribute("csrf", CsrfField.of(csrfToken));
		return "billing/plans-admin";
	}

}
