package org.backstory.billing.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.billing.BillingInterval;
import org.backstory.billing.Money;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.SubscriptionService;
import org.backstory.members.SignedInMember;
import org.backstory.shared.web.Responses;
import org.backstory.shared.web.SafeRedirect;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The plans page. Open to everyone; {@code next} (where the reader came from) is carried
 * to checkout.
 */
@Controller
class SubscribeController {

	private final PlanCatalog plans;

	private final SubscriptionService subscriptions;

	private final ArticleParameter articles;

	SubscribeController(PlanCatalog plans, SubscriptionService subscriptions, ArticleParameter articles) {
		this.plans = plans;
		this.subscriptions = subscriptions;
		this.articles = articles;
	}

	@GetMapping("/subscribe")
	String plans(@RequestParam(required = false) @Nullable String next,
			@RequestParam(required = false) @Nullable String article,
			@AuthenticationPrincipal @Nullable SignedInMember member, Model model, HttpServletResponse response) {
		boolean subscribed = false;
		if (member != null) {
			Responses.personal(response);
			subscribed = subscriptions.isSubscribed(member.id());
		}
		String returnTo = SafeRedirect.localPathOr(next, "");
		@Nullable Long articleId = articles.valid(article);
		List<PlanOffer> offers = plans.activePlans()
			.stream()
			.map(plan -> offer(plan, returnTo, articleId, member != null))
			.toList();
		model.addAttribute("offers", offers);
		model.addAttribute("subscribed", subscribed);
		return "billing/subscribe";
	}

	private static PlanOffer offer(Plan plan, String returnTo, @Nullable Long articleId, boolean signedIn) {
		return new PlanOffer(plan.name(), plan.description(), Money.format(plan.monthlyPrice(), plan.currency()),
				Money.format(plan.yearlyPrice(), plan.currency()),
				href(plan, BillingInterval.MONTH, returnTo, articleId, signedIn),
				href(plan, BillingInterval.YEAR, returnTo, articleId, signedIn),
				plan.trialDays() == 0 ? null
						: OfferTexts.trial(plan.trialDays(), plan.monthlyPrice(), plan.currency(), "month")
								+ " (new subscribers)");
	}

	/**
	 * Checkout, through sign-up for a reader who isn't signed in; both learn the article
	 * they came from.
	 */
	private static String href(Plan plan, BillingInterval interval, String returnTo, @Nullable Long articleId,
			boolean signedIn) {
		String article = articleId == null ? "" : "&article=" + articleId;
		String checkout = "/checkout/" + plan.code() + "?interval=" + interval.code()
				+ (returnTo.isEmpty() ? "" : "&next=" + encode(returnTo)) + article;
		return signedIn ? checkout : "/signup?next=" + encode(checkout) + article;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
