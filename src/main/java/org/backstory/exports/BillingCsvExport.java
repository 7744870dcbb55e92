package org.backstory.exports;

import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.backstory.billing.BillingArchive;
import org.backstory.billing.BillingArchive.ArchivedPayment;
import org.backstory.billing.BillingArchive.ArchivedSubscription;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberProfile;
import org.backstory.shared.CsvWriter;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Subscriptions, payments and the subscription history as CSV, in id order, with the
 * member's address beside their id (member ids change when a publication moves; addresses
 * do not). Amounts are minor units (cents) of the row's currency, dates ISO-8601 in UTC;
 * an empty cell is a value that is not set.
 */
@Component
class BillingCsvExport {

	static final List<String> SUBSCRIPTION_COLUMNS = BillingArchive.SUBSCRIPTION_COLUMNS;

	static final List<String> PAYMENT_COLUMNS = BillingArchive.PAYMENT_COLUMNS;

	static final List<String> EVENT_COLUMNS = BillingArchive.EVENT_COLUMNS;

	private final BillingArchive billing;

	private final MemberDirectory members;

	BillingCsvExport(BillingArchive billing, MemberDirectory members) {
		this.billing = billing;
		this.members = members;
	}

	void writeSubscriptions(Writer out) {
		CsvWriter csv = new CsvWriter(out);
		csv.row(SUBSCRIPTION_COLUMNS);
		billing.forEachSubscriptionChunk(chunk -> {
			Map<Long, MemberProfile> emails = members
				.profiles(chunk.stream().map(ArchivedSubscription::memberId).toList());
			chunk.forEach(s -> csv.row(cells(s.id(), s.memberId(), email(emails, s.memberId()), s.plan(), s.tier(),
					s.interval(), s.price(), s.currency(), s.status(), s.comped(), s.renews(), s.currentPeriodStart(),
					s.currentPeriodEnd(), s.trialEnd(), s.canceledAt(), s.couponId(), s.percentOff(), s.amountOff(),
					s.discountEndsAt(), s.giftId(), s.createdAt(), s.updatedAt())));
		});
	}

	void writePayments(Writer out) {
		CsvWriter csv = new CsvWriter(out);
		csv.row(PAYMENT_COLUMNS);
		billing.forEachPaymentChunk(chunk -> {
			Collection<Long> ids = chunk.stream().map(ArchivedPayment::memberId).filter(Objects::nonNull).toList();
			Map<Long, MemberProfile> emails = members.profiles(ids);
			chunk.forEach(p -> csv.row(cells(p.id(), p.memberId(), email(emails, p.memberId()), p.subscriptionId(),
					p.purpose(), p.status(), p.amount(), p.listAmount(), p.discountAmount(), p.creditApplied(),
					p.refundedAmount(), p.currency(), p.invoiceNumber(), p.gateway(), p.gatewayChargeId(),
					p.failureCode(), p.periodStart(), p.periodEnd(), p.createdAt(), p.settledAt(), p.refundedAt())));
		});
	}

	/**
	 * The subscription event log, which names no member: the history the revenue figures
	 * are computed from.
	 */
	void writeEvents(Writer out) {
		CsvWriter csv = new CsvWriter(out);
		csv.row(EVENT_COLUMNS);
		billing.forEachEventChunk(chunk -> chunk.forEach(e -> csv.row(cells(e.id(), e.subscriptionId(), e.fromStatus(),
				e.toStatus(), e.cause(), e.actor(), e.amount(), e.currency(), e.paymentId(), e.occurredAt(), e.kind(),
				e.mrrAfter(), e.previousPaid(), e.previousMrr(), e.previousCurrency()))));
	}

	private static @Nullable String email(Map<Long, MemberProfile> profiles, @Nullable Long memberId) {
		MemberProfile profile = memberId == null ? null : profiles.get(memberId);
		return profile == null ? null : profile.email();
	}

	/**
	 * The values as cells: null empty, dates as in Ghost's exports, everything else as
	 * Java writes it.
	 */
	private static List<String> cells(@Nullable Object... values) {
		List<String> cells = new ArrayList<>(values.length);
		for (Object value : values) {
			cells.add(value == null ? "" : value instanceof Instant at ? JsonFields.date(at) : value.toString());
		}
		return cells;
	}

}
