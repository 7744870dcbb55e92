package org.backstory.access;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

import org.backstory.access.AccessDecision.Remedy;
import org.backstory.access.PaywallBox.Action;
import org.backstory.publishing.Article;
import org.backstory.publishing.ArticleLinks;
import org.jspecify.annotations.Nullable;

/** Writes the paywall box for each reason a reader can be refused. */
final class PaywallBoxes {

	/**
	 * The query parameter that asks to read an article through the anonymous meter when
	 * the reader has no meter cookie yet.
	 */
	static final String FREE_READ_PARAMETER = "free";

	static final String CARD_HINT = "Still can't see it after logging in? Make sure your card on file is up to date.";

	private PaywallBoxes() {
	}

	/**
	 * The box for a refusal. Its sign-up and subscribe links name the article, so the
	 * dashboard can tell which articles bring readers in; they carry it in the link, not
	 * a cookie, so reading stays sessionless.
	 */
	static PaywallBox forRefusal(Remedy remedy, Article article, MeterStatus meter) {
		String next = "?next=" + URLEncoder.encode(ArticleLinks.page(article.slug()), StandardCharsets.UTF_8);
		String from = next + "&article=" + article.id();
		Action logIn = new Action("Already a subscriber? Log in", "/login" + next);
		return switch (remedy) {
			case SIGN_UP -> new PaywallBox(remedy, "This article is for members",
					"Sign up for free to read the rest of this article.", new Action("Sign up free", "/signup" + from),
					new Action("Already a member? Log in", "/login" + next), null);
			case SUBSCRIBE_OR_LOG_IN -> new PaywallBox(remedy, "Subscribe to keep reading",
					"This article is for paying subscribers. Subscribe to read it and every other article in full.",
					new Action("Subscribe", "/subscribe" + from), logIn, CARD_HINT, freeRead(article, meter));
			case REGISTER -> new PaywallBox(remedy, "Sign up free to keep reading",
					meter.readAll() + " Sign up free to keep reading, or subscribe to read every article in full.",
					new Action("Sign up free", "/signup" + from),
					new Action("Already a member? Log in", "/login" + next), null);
			case SUBSCRIBE -> new PaywallBox(remedy, "Subscribe to keep reading", subscribeMessage(meter),
					new Action("Subscribe", "/subscribe" + from), null, null);
			case RENEW -> new PaywallBox(remedy, "Your subscription has ended",
					"Renew your subscription to read this article and every other article in full.",
					new Action("Renew", "/subscribe" + from), null, null);
			case UPDATE_CARD -> new PaywallBox(remedy, "Your last payment didn't go through",
					"Your last payment didn't go through. Make sure your card on file is up to date.",
					new Action("Update your card", "/account/card"), null, null);
			case UPGRADE -> new PaywallBox(remedy, "This article is for another plan",
					"Your plan doesn't include this article. Upgrade to read it.",
					new Action("Upgrade", upgrade(article)), null, null);
		};
	}

	/**
	 * The box under an emailed preview. Mail can be read anywhere and forwarded, so
	 * besides the remedy's own button it always says "Already a subscriber? Log in"; a
	 * free member is addressed as any reader.
	 */
	static PaywallBox forEmail(Remedy remedy, Article article) {
		PaywallBox box = forRefusal(remedy == Remedy.SUBSCRIBE ? Remedy.SUBSCRIBE_OR_LOG_IN : remedy, article,
				MeterStatus.OFF);
		String next = "?next=" + URLEncoder.encode(ArticleLinks.page(article.slug()), StandardCharsets.UTF_8);
		Action logIn = box.secondary() != null ? box.secondary()
				: new Action("Already a subscriber? Log in", "/login" + next);
		if (!article.onSite()) {
			// An email-only article has no page to come back to after logging in or
			// subscribing.
			return new PaywallBox(remedy, box.heading(), box.message(), withoutNext(box.primary()), withoutNext(logIn),
					box.footnote());
		}
		return new PaywallBox(remedy, box.heading(), box.message(), box.primary(), logIn, box.footnote());
	}

	/**
	 * The plan change that opens the article: billing picks the plan from the tiers the
	 * article names (public metadata, like its visibility label).
	 */
	private static String upgrade(Article article) {
		return "/account/plan/upgrade?" + article.visibility()
			.tiers()
			.stream()
			.sorted()
			.map(tier -> "tier=" + URLEncoder.encode(tier, StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	/**
	 * The anonymous meter's offer on a box that is the same for every reader without a
	 * meter cookie (so shared caches may keep it): following it starts the meter.
	 */
	private static @Nullable Action freeRead(Article article, MeterStatus meter) {
		if (!meter.enabled() || meter.remaining() == 0) {
			return null;
		}
		return new Action(
				"Read it free: " + (meter.allowance() == 1 ? "one free article" : meter.allowance() + " free articles")
						+ " a month, no sign-up needed",
				ArticleLinks.page(article.slug()) + "?" + FREE_READ_PARAMETER);
	}

	private static Action withoutNext(Action action) {
		int query = action.href().indexOf("?next=");
		return query < 0 ? action : new Action(action.label(), action.href().substring(0, query));
	}

	private static String subscribeMessage(MeterStatus meter) {
		String base = "You're signed in as a free member. Subscribe to read this article and every other one in full.";
		return meter.enabled() ? meter.readAll() + " " + base : base;
	}

}
