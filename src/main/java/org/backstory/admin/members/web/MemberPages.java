package org.backstory.admin.members.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.backstory.billing.BillingEntry;
import org.backstory.billing.MemberBilling;
import org.backstory.billing.MemberBillingQueries;
import org.backstory.billing.Money;
import org.backstory.billing.PaymentRecord;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.Receipts;
import org.backstory.billing.SubscriptionEventEntry;
import org.backstory.billing.SubscriptionHistory;
import org.backstory.billing.SubscriptionService;
import org.backstory.email.MailLog;
import org.backstory.members.MemberListing;
import org.backstory.newsletters.NewsletterMessages;
import org.backstory.newsletters.Newsletters;
import org.backstory.newsletters.OptIns;
import org.backstory.shared.Dates;
import org.springframework.stereotype.Component;

/** Puts a member's staff page together from each module's public API. */
@Component
class MemberPages {

	private static final int MESSAGES = 50;

	private final MemberBillingQueries billing;

	private final SubscriptionService subscriptions;

	private final SubscriptionHistory history;

	private final Receipts receipts;

	private final PlanCatalog plans;

	private final Newsletters newsletters;

	private final OptIns optIns;

	private final NewsletterMessages newsletterMessages;

	private final MailLog mailLog;

	private final MemberTimeline timeline;

	MemberPages(MemberBillingQueries billing, SubscriptionService subscriptions, SubscriptionHistory history,
			Receipts receipts, PlanCatalog plans, Newsletters newsletters, OptIns optIns,
			NewsletterMessages newsletterMessages, MailLog mailLog, MemberTimeline timeline) {
		this.billing = billing;
		this.subscriptions = subscriptions;
		this.history = history;
		this.receipts = receipts;
		this.plans = plans;
		this.newsletters = newsletters;
		this.optIns = optIns;
		this.newsletterMessages = newsletterMessages;
		this.mailLog = mailLog;
		this.timeline = timeline;
	}

	MemberPageView view(MemberListing member, boolean canChange) {
		long id = member.id();
		MemberBilling standing = billing.of(List.of(id)).get(id);
		Set<Long> chosen = optIns.of(id);
		List<SubscriptionEventEntry> events = history.events(id);
		List<BillingEntry> payments = receipts.history(id);
		MemberTimeline.Activity activity = timeline.of(id, events, payments);
		return new MemberPageView(id, member.name(), member.email(), member.emailVerified(),
				Dates.staffDate(member.joinedAt()), activity.lastSeen(), member.role().name().toLowerCase(Locale.ROOT),
				!member.role().staff(), member.note(), member.labels(), standing.status().label(),
				standing.planName() != null ? standing.planName() : standing.tier(),
				events.stream().map(MemberPages::event).toList(), payments.stream().map(MemberPages::payment).toList(),
				newsletters.all().stream().filter(n -> chosen.contains(n.id())).map(n -> n.name()).toList(),
				messages(member.email()), canChange,
				subscriptions.currentSubscription(id).filter(s -> switch (s.status()) {
					case TRIALING, ACTIVE, PAST_DUE, CANCELED -> true;
					case INCOMPLETE, INCOMPLETE_EXPIRED, EXPIRED -> false;
				}).isPresent(), plans.activePlans().stream().map(Plan::tier).distinct().toList(), activity.rows(),
				activity.truncated(), activity.newsletters());
	}

	private List<MemberPageView.MailRow> messages(String email) {
		record Dated(Instant at, MemberPageView.MailRow row) {
		}
		List<Dated> all = new ArrayList<>();
		mailLog.to(email, MESSAGES)
			.forEach(mail -> all.add(new Dated(mail.at(), new MemberPageView.MailRow(Dates.staffTime(mail.at()),
					"Email", mail.subject(), mail.status().toLowerCase(Locale.ROOT)))));
		newsletterMessages.to(email, MESSAGES)
			.forEach(
					message -> all.add(new Dated(message.at(), new MemberPageView.MailRow(Dates.staffTime(message.at()),
							message.newsletter(), message.subject(), message.status()))));
		return all.stream().sorted(Comparator.comparing(Dated::at).reversed()).limit(MESSAGES).map(Dated::row).toList();
	}

	private static MemberPageView.EventRow event(SubscriptionEventEntry event) {
		String to = event.to().replace('_', ' ');
		return new MemberPageView.EventRow(Dates.staffTime(event.at()),
				event.from() == null ? to : event.from().replace('_', ' ') + " → " + to,
				event.cause().replace('_', ' '), event.actor(), event.amount() == null || event.currency() == null ? ""
						: Money.format(event.amount(), event.currency()));
	}

	private static MemberPageView.PaymentRow payment(BillingEntry entry) {
		PaymentRecord payment = entry.payment();
		String status = switch (payment.status()) {
			case "succeeded" -> payment.refundedAmount() == 0 ? "Paid"
					: payment.refundedAmount() == payment.amount() ? "Refunded" : "Partly refunded";
			case "failed" -> "Declined";
			default -> "Processing";
		};
		return new MemberPageView.PaymentRow(payment.id(), Dates.staffDate(payment.createdAt()), entry.description(),
				Money.format(payment.amount(), payment.currency()), status,
				payment.refundedAmount() == 0 ? "" : Money.format(payment.refundedAmount(), payment.currency()),
				payment.refundable(), plain(payment.refundable(), payment.currency()), UUID.randomUUID().toString());
	}

	/** Minor units as the refund form's amount field takes them, e.g. {@code 5.00}. */
	private static String plain(long minorUnits, String currency) {
		return BigDecimal.valueOf(minorUnits, Currency.getInstance(currency).getDefaultFractionDigits())
			.toPlainString();
	}

}
