package org.backstory.billing.web;

import java.time.Clock;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.billing.Receipts;
import org.backstory.billing.SubscriptionService;
import org.backstory.billing.SubscriptionStatus;
import org.backstory.billing.SubscriptionSummary;
import org.backstory.billing.card.CardService;
import org.backstory.billing.group.GroupLicences;
import org.backstory.billing.renewal.UpcomingCharges;
import org.backstory.billing.subscription.SubscriptionChangeRefused;
import org.backstory.billing.subscription.SubscriptionChanges;
import org.backstory.members.FeedLinks;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberProfile;
import org.backstory.members.SignedInMember;
import org.backstory.shared.BackstoryProperties;
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
import org.springframework.web.servlet.view.RedirectView;

/**
 * The account overview: who you are, your plan and next charge, your card, your private
 * feed address, and ways to change them.
 */
@Controller
class AccountController {

	private final SubscriptionService subscriptions;

	private final SubscriptionChanges changes;

	private final UpcomingCharges upcoming;

	private final Receipts receipts;

	private final CardService cards;

	private final MemberDirectory members;

	private final FeedLinks feedLinks;

	private final BackstoryProperties properties;

	private final GroupLicences groups;

	private final Clock clock;

	AccountController(SubscriptionService subscriptions, SubscriptionChanges changes, UpcomingCharges upcoming,
			Receipts receipts, CardService cards, MemberDirectory members, FeedLinks feedLinks,
			BackstoryProperties properties, GroupLicences groups, Clock clock) {
		this.subscriptions = subscriptions;
		this.changes = changes;
		this.upcoming = upcoming;
		this.receipts = receipts;
		this.cards = cards;
		this.members = members;
		this.feedLinks = feedLinks;
		this.properties = properties;
		this.groups = groups;
		this.clock = clock;
	}

	@GetMapping("/account")
	String overview(@AuthenticationPrincipal SignedInMember member, CsrfToken csrfToken, Model model,
			HttpServletResponse response) {
		Responses.personal(response);
		return render(model, csrfToken, member, null);
	}

	/**
	 * Takes back a cancellation; a refusal (nothing to resume, or it ended) is shown on
	 * the overview.
	 */
	@PostMapping("/account/resume")
	Object resume(@AuthenticationPrincipal SignedInMember member, CsrfToken csrfToken, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Responses.personal(response);
		try {
			SubscriptionSummary resumed = changes.resume(member.id());
			redirect.addFlashAttribute("notice", resumed.currentPeriodEnd() == null ? "Your subscription continues."
					: "Your subscription continues: it renews on " + Pages.date(resumed.currentPeriodEnd()) + ".");
			return Responses.seeOther("/account");
		}
		catch (SubscriptionChangeRefused refused) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return render(model, csrfToken, member, refused.getMessage());
		}
	}

	/**
	 * Gives the member a new private feed address; the old one answers 404 from now on.
	 */
	@PostMapping("/account/feed-link")
	RedirectView resetFeedLink(@AuthenticationPrincipal SignedInMember member, HttpServletResponse response,
			RedirectAttributes redirect) {
		Responses.personal(response);
		feedLinks.reset(member.id());
		redirect.addFlashAttribute("notice",
				"Your private feed has a new address. Update it in your feed reader: the old one no longer works.");
		return Responses.seeOther("/account");
	}

	private String render(Model model, CsrfToken csrfToken, SignedInMember member, @Nullable String error) {
		Optional<SubscriptionSummary> subscription = subscriptions.currentSubscription(member.id());
		String endedOn = subscription.filter(s -> s.status() == SubscriptionStatus.EXPIRED)
			.map(SubscriptionSummary::currentPeriodEnd)
			.map(Pages::date)
			.orElse(null);
		MemberProfile profile = members.profile(member.id()).orElseThrow();
		AccountPlan plan = subscription
			.map(s -> AccountPlan.of(s, upcoming.next(member.id()).orElse(null), clock.instant()))
			.orElse(null);
		model.addAttribute("page",
				new AccountPage(profile.name(), profile.email(), profile.emailVerified(), plan, endedOn,
						cards.cardOnFile(member.id()).orElse(null), receipts.hasPayments(member.id()),
						properties.link("/feed/" + feedLinks.tokenOf(member.id()) + ".xml"),
						groups.managed(member.id()).orElse(null), groups.seatOf(member.id()).orElse(null)));
		model.addAttribute("error", error);
		model.addAttribute("csrf", CsrfField.of(csrfToken));
		return "billing/account";
	}

}
