package org.backstory.admin.members.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.backstory.access.ReadingActivity;
import org.backstory.billing.BillingActivity;
import org.backstory.billing.BillingEntry;
import org.backstory.billing.Money;
import org.backstory.billing.SubscriptionEventEntry;
import org.backstory.members.MemberActivity;
import org.backstory.newsletters.MemberEngagement;
import org.backstory.newsletters.MessageEngagement;
import org.backstory.newsletters.NewsletterEngagement;
import org.backstory.newsletters.OptInChange;
import org.backstory.newsletters.OptIns;
import org.backstory.publishing.ArticleLinks;
import org.backstory.publishing.ArticleTitle;
import org.backstory.publishing.ArticleTitles;
import org.backstory.shared.Dates;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A member's activity, newest first, as Ghost's member activity feed shows it: signed up
 * (and the article that brought them), address confirmed, subscription changes, payments,
 * gift subscriptions bought and articles gifted, a group seat taken, newsletter opt-ins
 * and opt-outs, and the opens and clicks of their latest newsletter messages. Each module
 * is asked for at most {@link #LATEST} of its own entries, and the latest {@link #LATEST}
 * of them all are shown.
 */
@Component
class MemberTimeline {

	static final int LATEST = 50;

	private final BillingActivity billing;

	private final ReadingActivity reading;

	private final OptIns optIns;

	private final ArticleTitles titles;

	private final MemberActivity members;

	private final NewsletterEngagement newsletters;

	MemberTimeline(MemberActivity members, BillingActivity billing, ReadingActivity reading, OptIns optIns,
			ArticleTitles titles, NewsletterEngagement newsletters) {
		this.members = members;
		this.newsletters = newsletters;
		this.billing = billing;
		this.reading = reading;
		this.optIns = optIns;
		this.titles = titles;
	}

	/**
	 * The member's activity, with the subscription events and payments their page already
	 * read.
	 */
	Activity of(long memberId, List<SubscriptionEventEntry> events, List<BillingEntry> payments) {
		MemberActivity.Milestones milestones = members.milestones(memberId)
			.orElseThrow(() -> new IllegalStateException("no member " + memberId));
		List<ReadingActivity.GivenLink> giftLinks = reading.giftLinksBy(memberId, LATEST + 1);
		Set<Long> articleIds = new HashSet<>();
		giftLinks.forEach(link -> articleIds.add(link.articleId()));
		if (milestones.signupArticleId() != null) {
			articleIds.add(milestones.signupArticleId());
		}
		Map<Long, ArticleTitle> articles = titles.titles(articleIds);
		List<Entry> entries = new ArrayList<>();
		Long signupArticle = milestones.signupArticleId();
		entries.add(signupArticle == null ? new Entry(milestones.joinedAt(), "signup", "Signed up", null, null)
				: article(milestones.joinedAt(), "signup", "Signed up from ", signupArticle, articles));
		if (milestones.verifiedAt() != null) {
			entries.add(new Entry(milestones.verifiedAt(), "verified", "Confirmed their email address", null, null));
		}
		events.stream().limit(LATEST + 1).forEach(event -> entries.add(subscription(event)));
		payments.stream().limit(LATEST + 1).forEach(entry -> entries.add(payment(entry)));
		billing.giftsBoughtBy(memberId, LATEST + 1)
			.forEach(gift -> entries.add(new Entry(gift.at(), "gift",
					"Bought a gift subscription: " + gift.plan() + ", " + gift.months() + " month(s), "
							+ Money.format(gift.amount(), gift.currency())
							+ (gift.redeemedAt() == null ? " (not yet redeemed)" : " (redeemed)"),
					null, null)));
		giftLinks.forEach(link -> entries.add(article(link.at(), "gift-link",
				"Gifted (opened on " + link.browsers() + " browser(s)) ", link.articleId(), articles)));
		billing.seatsOf(memberId)
			.forEach(seat -> entries.add(new Entry(seat.joinedAt(), "seat",
					"Took a seat in " + seat.plan() + " (by " + seat.joinedBy() + ")", null, null)));
		optIns.changes(memberId, LATEST + 1)
			.forEach(change -> entries.add(new Entry(change.at(), change.optedIn() ? "opt-in" : "opt-out",
					(change.optedIn() ? "Opted in to " : "Opted out of ") + change.newsletter(), null, null)));
		MemberEngagement mail = newsletters.ofMember(memberId);
		for (MessageEngagement message : mail.recent()) {
			if (message.openedAt() != null) {
				entries.add(new Entry(message.openedAt(), "newsletter-open",
						"Opened \u201c" + message.subject() + "\u201d (" + message.newsletter() + ")", null, null));
			}
			if (message.clickedAt() != null) {
				entries.add(new Entry(message.clickedAt(), "newsletter-click",
						"Clicked a link in \u201c" + message.subject() + "\u201d", null, null));
			}
		}
		List<ActivityRow> rows = entries.stream()
			.sorted(Comparator.comparing(Entry::at).thenComparing(Entry::afterSignup).reversed())
			.limit(LATEST)
			.map(entry -> new ActivityRow(Dates.staffTime(entry.at()), entry.kind(), entry.text(), entry.linkText(),
					entry.href()))
			.toList();
		Instant lastSeen = milestones.lastSeenAt();
		return new Activity(lastSeen == null ? "Not recorded yet" : Dates.staffDate(lastSeen), rows,
				entries.size() > LATEST, newsletterSummary(mail));
	}

	/**
	 * The member's newsletters in a sentence: delivered, and of the tracked ones opened
	 * and clicked (only sends made while tracking was on count, so untracked mail is not
	 * read as unopened).
	 */
	static String newsletterSummary(MemberEngagement mail) {
		if (mail.delivered() == 0) {
			return "No newsletter delivered yet.";
		}
		String delivered = mail.delivered() + " newsletter message(s) delivered";
		if (mail.tracked() == 0) {
			return delivered + "; opens and clicks were not tracked.";
		}
		return delivered + "; of the " + mail.tracked() + " tracked, opened " + mail.share(mail.opened())
				+ ", a link clicked in " + mail.share(mail.clicked())
				+ (mail.lastOpenedAt() == null ? "." : "; last opened " + Dates.staffDate(mail.lastOpenedAt()) + ".");
	}

	private static Entry subscription(SubscriptionEventEntry event) {
		String to = event.to().replace('_', ' ');
		String change = event.from() == null ? "began " + to : event.from().replace('_', ' ') + " → " + to;
		String amount = event.amount() == null || event.currency() == null ? ""
				: ", " + Money.format(event.amount(), event.currency());
		return new Entry(event.at(), "subscription",
				"Subscription " + change + " (" + event.cause().replace('_', ' ') + amount + ")", null, null);
	}

	private static Entry payment(BillingEntry entry) {
		String amount = Money.format(entry.payment().amount(), entry.payment().currency());
		String what = switch (entry.payment().status()) {
			case "succeeded" -> "Paid ";
			case "failed" -> "A payment was declined: ";
			default -> "A payment is processing: ";
		};
		return new Entry(entry.payment().createdAt(), "payment", what + amount + " for " + entry.description(), null,
				null);
	}

	private static Entry article(Instant at, String kind, String text, long articleId,
			Map<Long, ArticleTitle> articles) {
		ArticleTitle title = articles.get(articleId);
		return title == null ? new Entry(at, kind, text + "an article no longer published", null, null)
				: new Entry(at, kind, text, title.title(), ArticleLinks.page(title.slug()));
	}

	/**
	 * A member's latest activity.
	 *
	 * @param lastSeen the day they were last seen, e.g. {@code 1 Mar 2024}
	 * @param truncated whether older entries were left out
	 * @param newsletters their newsletter messages, opens and clicks in a sentence
	 */
	record Activity(String lastSeen, List<ActivityRow> rows, boolean truncated, String newsletters) {
	}

	private record Entry(Instant at, String kind, String text, @Nullable String linkText, @Nullable String href) {

		/**
		 * Whether it comes after the sign-up at the same instant: everything does (an
		 * account made already confirmed, say), so the sign-up is the oldest entry.
		 */
		boolean afterSignup() {
			return !kind.equals("signup");
		}
	}

}
