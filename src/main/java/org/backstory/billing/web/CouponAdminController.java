package org.backstory.billing.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.checkout.Coupon;
import org.backstory.billing.checkout.CouponService;
import org.backstory.members.SignedInMember;
import org.backstory.shared.Dates;
import org.backstory.shared.web.Responses;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coupons page: every coupon with its redemptions, a form for a new one, and
 * deactivating one. Only the owner may open it (other staff get 403): a coupon gives
 * money away.
 */
@Controller
@PreAuthorize("hasRole('OWNER')")
class CouponAdminController {

	private static final String PATH = "/admin/billing/coupons";

	private final CouponService coupons;

	private final PlanCatalog plans;

	CouponAdminController(CouponService coupons, PlanCatalog plans) {
		this.coupons = coupons;
		this.plans = plans;
	}

	@GetMapping(PATH)
	String list(CsrfToken csrfToken, Model model, HttpServletResponse response) {
		Responses.personal(response);
		return render(model, csrfToken, CouponForm.empty(), Map.of());
	}

	@PostMapping(PATH)
	Object create(CouponForm form, @AuthenticationPrincipal SignedInMember owner, CsrfToken csrfToken, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Responses.personal(response);
		CouponForm.Checked checked = form.check();
		return OwnerListPage.create(PATH, checked.coupon(), checked.errors(),
				coupon -> coupons.createByStaff(owner.id(), coupon).isPresent(),
				"A coupon with this code already exists.", coupon -> "Coupon " + coupon.code() + " created.", redirect,
				response, errors -> render(model, csrfToken, form, errors));
	}

	@PostMapping(PATH + "/{id}/deactivate")
	Object deactivate(@PathVariable long id, @AuthenticationPrincipal SignedInMember owner,
			RedirectAttributes redirect) {
		if (!coupons.deactivateByStaff(owner.id(), id)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such coupon");
		}
		redirect.addFlashAttribute("notice", "Coupon deactivated. Subscribers who redeemed it keep their discount.");
		return Responses.seeOther(PATH);
	}

	private String render(Model model, CsrfToken csrfToken, CouponForm form, Map<String, String> errors) {
		List<CouponRow> rows = coupons.coupons().stream().map(CouponAdminController::row).toList();
		return OwnerListPage.render(model, csrfToken, "coupons", rows, plans, form, errors, "billing/coupons");
	}

	private static CouponRow row(Coupon coupon) {
		String redemptions = coupon.maxRedemptions() == null ? String.valueOf(coupon.timesRedeemed())
				: coupon.timesRedeemed() + " of " + coupon.maxRedemptions();
		return new CouponRow(coupon.id(), coupon.code(), coupon.name(), OfferTexts.coupon(coupon), redemptions,
				coupon.redeemBy() == null ? null : "through " + Dates.readerLastDay(coupon.redeemBy()),
				coupon.planCode(), coupon.active());
	}

}
