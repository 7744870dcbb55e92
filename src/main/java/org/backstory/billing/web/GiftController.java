package org.backstory.billing.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.billing.GiftOutcome;
import org.backstory.billing.GiftPurchase;
import org.backstory.billing.GiftRedemption;
import org.backstory.billing.GiftService;
import org.backstory.billing.GiftView;
import org.backstory.billing.Money;
import org.backstory.billing.PlanCatalog;
import org.backstory.members.SignedInMember;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Gift subscriptions: buying one ({@code /gift}, signed-in members only, so the receipt has somewhere to
 * go and the charge someone to answer for it) and redeeming one ({@code /gift/redeem/{token}}, the link
 * in the recipient's mail; a visitor is asked to log in or sign up first and comes back).
 */
@Controller
class GiftController {

	private final GiftService gifts;

	private final PlanCatalog plans;

	private final Clock clock;

	GiftController(GiftService gifts, PlanCatalog plans, Clock clock) {
		this.gifts = gifts;
		this.plans = plans;
		this.clock = clock;
	}

	@GetMapping("/gift")
	Object form(@AuthenticationPrincipal @Nullable SignedInMember member, CsrfToken csrfToken, Model model,
			HttpServletResponse response) {
		if (member == null) {
			return Pages.redirectTo(signIn("/login", "/gift"));
		}
		Pages.personal(response);
		return render(model, csrfToken, UUID.randomUUID(), null, GiftForm.empty(), CardForm.empty(), Map.of());
	}

	@PostMapping("/gift")
	Object purchase(GiftForm gift, CardForm card, @RequestParam String attempt,
			@AuthenticationPrincipal @Nullable SignedInMember member, CsrfToken csrfToken, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (member == null) {
			return Pages.redirectTo(signIn("/login", "/gift"));
		}
		Pages.personal(response);
		UUID attemptId = Pages.attemptId(attempt);
		CardForm.Checked checked = card.check(clock);
		Map<String, String> errors = new LinkedHashMap<>(gift.errors());
		errors.putAll(checked.errors());
		if (!errors.isEmpty() || checked.card() == null) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return render(model, csrfToken, attemptId, null, gift, card.withoutSecrets(), errors);
		}
		String message = GiftForm.text(gift.message());
		GiftOutcome outcome = gifts.purchase(new GiftPurchase(member.id(), member.email(), member.name(),
				GiftForm.text(gift.plan()), gift.monthCount(), GiftForm.text(gift.recipientEmail()),
				message.isEmpty() ? null : message, attemptId, checked.card()));
		if (outcome instanceof GiftOutcome.Purchased purchased) {
			redirect.addFlashAttribute("notice", "Thank you! Your gift is on its way to " + purchased.recipientEmail()
					+ ". We have emailed you a receipt.");
			return Pages.redirectTo("/gift");
		}
		if (outcome instanceof GiftOutcome.PlanUnavailable) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return render(model, csrfToken, attemptId, null, gift, card.withoutSecrets(),
					Map.of("plan", "Choose a plan."));
		}
		if (outcome instanceof GiftOutcome.Declined declined) {
			// A declined attempt is finished: trying again (another card) is a new attempt.
			response.setStatus(HttpStatus.PAYMENT_REQUIRED.value());
			return render(model, csrfToken, UUID.randomUUID(), declined.message(), gift, card.withoutSecrets(),
					Map.of());
		}
		// Outcome unknown: resubmitting the same attempt asks the gateway again and cannot charge twice.
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		return render(model, csrfToken, attemptId, "We couldn't confirm your payment with the payment service. "
				+ "Please submit again: you will not be charged twice.", gift, card.withoutSecrets(), Map.of());
	}

	@GetMapping("/gift/redeem/{token}")
	String redeemPage(@PathVariable String token, @AuthenticationPrincipal @Nullable SignedInMember member,
			@Nullable CsrfToken csrfToken, Model model, HttpServletResponse response) {
		Pages.personal(response);
		GiftView gift = gifts.find(token).orElse(null);
		String problem = null;
		if (gift == null) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			problem = "This gift link isn't valid. Check that you opened the whole link from the email.";
		}
		else if (gift.redeemed()) {
			response.setStatus(HttpStatus.GONE.value());
			problem = "This gift has already been redeemed.";
		}
		return renderRedeem(model, member == null ? null : csrfToken, token, gift, problem);
	}

	@PostMapping("/gift/redeem/{token}")
	Object redeem(@PathVariable String token, @AuthenticationPrincipal @Nullable SignedInMember member,
			CsrfToken csrfToken, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		if (member == null) {
			return Pages.redirectTo(signIn("/login", "/gift/redeem/" + token));
		}
		Pages.personal(response);
		GiftRedemption redemption = gifts.redeem(token, member.id());
		if (redemption instanceof GiftRedemption.Redeemed redeemed) {
			redirect.addFlashAttribute("notice", "Your gift subscription has started. You have access until "
					+ Pages.date(redeemed.until()) + ".");
			return Pages.redirectTo("/account");
		}
		String problem;
		if (redemption instanceof GiftRedemption.AlreadyRedeemed) {
			response.setStatus(HttpStatus.CONFLICT.value());
			problem = "This gift has already been redeemed.";
		}
		else if (redemption instanceof GiftRedemption.AlreadySubscribed) {
			response.setStatus(HttpStatus.CONFLICT.value());
			problem = "You already have a subscription, so this gift can't start now. It stays unused: redeem it "
					+ "once your subscription has ended, or pass the link on to someone else.";
		}
		else {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			problem = "This gift link isn't valid. Check that you opened the whole link from the email.";
		}
		return renderRedeem(model, csrfToken, token, gifts.find(token).orElse(null), problem);
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
		return "billing/gift";
	}

	private static String renderRedeem(Model model, @Nullable CsrfToken csrfToken, String token,
			@Nullable GiftView gift, @Nullable String problem) {
		String path = "/gift/redeem/" + token;
		String what = gift == null ? "" : (gift.months() == 1 ? "1 month" : gift.months() + " months") + " of "
				+ gift.planName();
		model.addAttribute("page", new GiftRedeemPage(gift, what, problem, path, csrfToken != null,
				signIn("/login", path), signIn("/signup", path)));
		model.addAttribute("csrf", csrfToken == null ? null : CsrfField.of(csrfToken));
		return "billing/gift-redeem";
	}

	private static String signIn(String page, String next) {
		return page + "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
	}

}
