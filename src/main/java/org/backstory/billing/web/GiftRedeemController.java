package org.backstory.billing.web;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.billing.gift.GiftRedemption;
import org.backstory.billing.gift.GiftService;
import org.backstory.billing.gift.GiftView;
import org.backstory.members.SignedInMember;
import org.backstory.shared.web.CsrfField;
import org.backstory.shared.web.Responses;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Redeeming a gift ({@code /gift/redeem/{token}}, the link in the recipient's mail): a
 * visitor is asked to log in or sign up first and comes back; a signed-in member starts
 * the gift subscription with one button.
 */
@Controller
class GiftRedeemController {

	private static final String UNKNOWN = "This gift link isn't valid. Check that you opened the whole link from the "
			+ "email.";

	private static final String REDEEMED = "This gift has already been redeemed.";

	private final GiftService gifts;

	GiftRedeemController(GiftService gifts) {
		this.gifts = gifts;
	}

	@GetMapping("/gift/redeem/{token}")
	String redeemPage(@PathVariable String token, @AuthenticationPrincipal @Nullable SignedInMember member,
			@Nullable CsrfToken csrfToken, Model model, HttpServletResponse response) {
		Responses.personal(response);
		GiftView gift = gifts.find(token).orElse(null);
		@Nullable String problem = null;
		if (gift == null) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			problem = UNKNOWN;
		}
		else if (gift.redeemed()) {
			response.setStatus(HttpStatus.GONE.value());
			problem = REDEEMED;
		}
		return renderRedeem(model, member == null ? null : csrfToken, token, gift, problem);
	}

	@PostMapping("/gift/redeem/{token}")
	Object redeem(@PathVariable String token, @AuthenticationPrincipal @Nullable SignedInMember member,
			CsrfToken csrfToken, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		if (member == null) {
			return Responses.seeOther(Pages.signIn("/login", "/gift/redeem/" + token));
		}
		Responses.personal(response);
		GiftRedemption redemption = gifts.redeem(token, member.id());
		if (redemption instanceof GiftRedemption.Redeemed redeemed) {
			redirect.addFlashAttribute("notice",
					"Your gift subscription has started. You have access until " + Pages.date(redeemed.until()) + ".");
			return Responses.seeOther("/account");
		}
		String problem;
		if (redemption instanceof GiftRedemption.AlreadyRedeemed) {
			response.setStatus(HttpStatus.CONFLICT.value());
			problem = REDEEMED;
		}
		else if (redemption instanceof GiftRedemption.AlreadySubscribed) {
			response.setStatus(HttpStatus.CONFLICT.value());
			problem = "You already have a subscription, so this gift can't start now. It stays unused: redeem it "
					+ "once your subscription has ended, or pass the link on to someone else.";
		}
		else {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			problem = UNKNOWN;
		}
		return renderRedeem(model, csrfToken, token, gifts.find(token).orElse(null), problem);
	}

	private static String renderRedeem(Model model, @Nullable CsrfToken csrfToken, String token,
			@Nullable GiftView gift, @Nullable String problem) {
		String path = "/gift/redeem/" + token;
		String what = gift == null ? ""
				: (gift.months() == 1 ? "1 month" : gift.months() + " months") + " of " + gift.planName();
		model.addAttribute("page", new GiftRedeemPage(gift, what, problem, path, csrfToken != null,
				Pages.signIn("/login", path), Pages.signIn("/signup", path)));
		model.addAttribute("csrf", csrfToken == null ? null : CsrfField.of(csrfToken));
		return "billing/gift-redeem";
	}

}
