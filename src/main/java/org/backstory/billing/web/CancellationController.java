package org.backstory.billing.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.billing.SubscriptionService;
import org.backstory.billing.SubscriptionStatus;
import org.backstory.billing.SubscriptionSummary;
import org.backstory.billing.subscription.SubscriptionChangeRefused;
import org.backstory.billing.subscription.SubscriptionChanges;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Cancelling: a page that says what cancelling means, and the cancellation itself. */
@Controller
class CancellationController {

	private final SubscriptionService subscriptions;

	private final SubscriptionChanges changes;

	CancellationController(SubscriptionService subscriptions, SubscriptionChanges changes) {
		this.subscriptions = subscriptions;
		this.changes = changes;
	}

	@GetMapping("/account/cancel")
	String confirm(@AuthenticationPrincipal SignedInMember member, CsrfToken csrfToken, Model model,
			HttpServletResponse response) {
		Responses.personal(response);
		return render(model, csrfToken, member, null);
	}

	@PostMapping("/account/cancel")
	Object cancel(@AuthenticationPrincipal SignedInMember member, CsrfToken csrfToken, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Responses.personal(response);
		try {
			SubscriptionSummary canceled = changes.cancel(member.id());
			redirect.addFlashAttribute("notice",
					canceled.status() == SubscriptionStatus.CANCELED && canceled.currentPeriodEnd() != null
							? "Your subscription is canceled. You have access until "
									+ Pages.date(canceled.currentPeriodEnd()) + ", and you won't be charged again."
							: "Your subscription has ended.");
			return Responses.seeOther("/account");
		}
		catch (SubscriptionChangeRefused refused) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return render(model, csrfToken, member, refused.getMessage());
		}
	}

	private String render(Model model, CsrfToken csrfToken, SignedInMember member, @Nullable String error) {
		Optional<SubscriptionSummary> current = subscriptions.currentSubscription(member.id());
		model.addAttribute("page", current.filter(CancelPage::cancelable).map(CancelPage::of).orElse(null));
		model.addAttribute("info",
				current.filter(s -> s.status() == SubscriptionStatus.CANCELED)
					.map(SubscriptionSummary::currentPeriodEnd)
					.map(end -> "Your subscription is canceled. It ends on " + Pages.date(end) + ".")
					.orElse("You have no subscription to cancel."));
		model.addAttribute("error", error);
		model.addAttribute("csrf", CsrfField.of(csrfToken));
		return "billing/cancel";
	}

}
