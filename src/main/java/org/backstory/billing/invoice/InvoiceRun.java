package org.backstory.billing.invoice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.backstory.billing.SubscriptionStatus;
import org.backstory.billing.ledger.SubscriptionEventLog;
import org.backstory.billing.ledger.SubscriptionEventLog.Actor;
import org.backstory.billing.ledger.SubscriptionEventLog.Cause;
import org.backstory.billing.subscription.SubscriptionRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The renewal run of licences sold by invoice, which the card renewal run never claims.
 * At a period's end it starts the next period and issues its invoice (once: one invoice
 * per period), or ends a canceled licence. An open invoice past its due date puts the
 * licence in grace (past due since that date, so its readers keep reading for the grace
 * period, as after a declined card) and reminds the manager and the billing contact; when
 * the grace period has run out unpaid, the licence ends, as a card subscription does
 * after its last retry. Rows are claimed with {@code skip locked}, so two nodes never
 * work on the same licence.
 */
@Component
public class InvoiceRun {

	private static final int BATCH = 100;

	private static final Logger log = LoggerFactory.getLogger(InvoiceRun.class);

	private final LicenceRepository licences;

	private final InvoiceRepository invoices;

	private final InvoiceIssuing issuing;

	private final SubscriptionRepository subscriptions;

	private final SubscriptionEventLog events;

	private final InvoiceMails mails;

	private final Clock clock;

	InvoiceRun(LicenceRepository licences, InvoiceRepository invoices, InvoiceIssuing issuing,
			SubscriptionRepository subscriptions, SubscriptionEventLog events, InvoiceMails mails, Clock clock) {
		this.licences = licences;
		this.invoices = invoices;
		this.issuing = issuing;
		this.subscriptions = subscriptions;
		this.events = events;
		this.mails = mails;
		this.clock = clock;
	}

	/** What one run did. */
	public record Report(int renewed, int ended, int overdue, int unpaid) {
	}

	/**
	 * Works through everything due now.
	 * @param gracePeriod how long readers keep reading after an invoice falls due unpaid
	 * (the grace period in force, which the access policy applies too)
	 */
	@Transactional
	public Report runDue(Duration gracePeriod) {
		Instant now = clock.instant();
		int renewed = 0;
		int ended = 0;
		List<InvoiceLicence> due;
		do {
			due = licences.periodEnded(now, BATCH);
			for (InvoiceLicence licence : due) {
				if (licence.status() == SubscriptionStatus.CANCELED) {
					subscriptions.end(licence.subscriptionId(), null, now);
					events.record(licence.subscriptionId(), licence.status(), Cause.PERIOD_ENDED, Actor.INVOICE_RUN,
							now);
					ended++;
				}
				else {
					renew(licence, now);
					renewed++;
				}
			}
		}
		while (due.size() == BATCH);
		int overdue = 0;
		for (InvoiceRepository.Overdue late : invoices.overdue(now, BATCH)) {
			licences.pastDue(late.subscriptionId(), late.dueAt(), now);
			events.record(late.subscriptionId(), SubscriptionStatus.ACTIVE, Cause.INVOICE_OVERDUE, Actor.INVOICE_RUN,
					now);
			invoices.find(late.invoiceId())
				.ifPresent(invoice -> mails.overdue(invoice, late.dueAt().plus(gracePeriod), issuing.paymentText()));
			overdue++;
		}
		int unpaid = 0;
		for (InvoiceLicence licence : licences.pastDueSince(now.minus(gracePeriod), BATCH)) {
			subscriptions.end(licence.subscriptionId(), null, now);
			events.record(licence.subscriptionId(), licence.status(), Cause.INVOICE_UNPAID, Actor.INVOICE_RUN, now);
			mails.unpaid(licence);
			unpaid++;
		}
		Report report = new Report(renewed, ended, overdue, unpaid);
		if (renewed + ended + overdue + unpaid > 0) {
			log.info("Invoice run renewed={} ended={} overdue={} unpaid={}", renewed, ended, overdue, unpaid);
		}
		return report;
	}

	/**
	 * Starts the next period (in grace it stays in grace) and issues its invoice on the
	 * last invoice's terms, for the seats the licence has now.
	 */
	private void renew(InvoiceLicence licence, Instant now) {
		Instant start = licence.periodEnd();
		Instant end = licence.nextPeriodEnd();
		licences.renew(licence.subscriptionId(), start, end, now);
		GroupInvoice last = invoices.latestOf(licence.subscriptionId()).orElse(null);
		long base = last == null ? licence.price() : last.baseAmount();
		issuing.issue(licence, start, end, base, last == null ? 0 : last.seatPrice(),
				last == null ? licence.seats() : last.includedSeats(), now);
		events.record(licence.subscriptionId(), licence.status(), Cause.INVOICE_ISSUED, Actor.INVOICE_RUN, now);
	}

}
