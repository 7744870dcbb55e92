package org.backstory.billing.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.billing.CardService;
import org.backstory.billing.SubscriptionService;
import org.backstory.billing.SubscriptionStatus;
import org.backstory.billing.SubscriptionSummary;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberProfile;
import org.backstory.members.SignedInMember;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The account overview: who you are, your plan, your card, and links to change them. */
@Controller
class AccountController {

	private final SubscriptionService subscriptions;

	private final CardService cards;

	private final MemberDirectory members;

	AccountController(SubscriptionService subscriptions, CardService cards, MemberDirectory members) {
		this.subscriptions = subscriptions;
		this.cards = cards;
		this.members = members;
	}

	@GetMapping("/account")
	String overview(@AuthenticationPrincipal SignedInMember member, Model model, HttpServletResponse response) {
		Pages.personal(response);
		Optional<SubscriptionSummary> subscription = subscriptions.currentSubscription(member.id());
		String endedOn = subscription.filter(s -> s.status() == SubscriptionStatus.EXPIRED)
			.map(SubscriptionSummary::currentPeriodEnd)
			.map(Pages::date)
			.orElse(null);
		MemberProfile profile = members.profile(member.id()).orElseThrow();
		model.addAttribute("page", new AccountPage(profile.name(), profile.email(), profile.emailVerified(),
				subscription.map(AccountPlan::of).orElse(null), endedOn, cards.cardOnFile(member.id()).orElse(null)));
		return "billing/account";
	}

}
