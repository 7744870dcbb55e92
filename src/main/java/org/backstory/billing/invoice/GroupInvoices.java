package org.backstory.billing.invoice;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.backstory.billing.Money;
import org.backstory.billing.SubscriptionStatus;
import org.backstory.billing.ledger.SubscriptionEventLog;
import org.backstory.billing.ledger.SubscriptionEventLog.Actor;
import org.backstory.billing.ledger.SubscriptionEventLog.Cause;
import org.backstory.billing.payment.BillingMails;
import org.backstory.billing.payment.PaymentAttempt;
import org.backstory.billing.payment.PaymentRepository;
import org.backstory.billing.subscription.SubscriptionRepository;
import org.backstory.shared.StaffActions;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The invoices of group licences sold by invoice ({@link LicenceSales}): staff mark them
 * paid by hand (a payment in the ledger like any other, and a receipt), void an unpaid
 * one, give one more time, and cancel a licence at its period end; staff and the
 * licence's manager read them. The invoice run ({@link InvoiceRun}) renews the licences.
 * Every staff action is audited.
 */
@Service
public class GroupInvoices {

	private static final Logger log = LoggerFactory.getLogger(GroupInvoices.class);

	private final SubscriptionRepository subscriptions;

	private final LicenceRepository licences;

	private final InvoiceRepository invoices;

	private final PaymentRepository payments;

	private final SubscriptionEventLog events;

	private final InvoiceIssuing issuing;

	private final BillingMails receipts;

	private final StaffActions audit;

	private final Clock clock;

	GroupInvoices(SubscriptionRepository subscriptions, LicenceRepository licences, InvoiceRepository invoices,
			PaymentRepository payments, SubscriptionEventLog events, InvoiceIssuing issuing, BillingMails receipts,
			StaffActions audit, Clock clock) {
		this.subscriptions = subscriptions;
		this.licences = licences;
		this.invoices = invoices;
		this.payments = payments;
		this.events = events;
		this.issuing = issuing;
		this.receipts = receipts;
		this.audit = audit;
		this.clock = clock;
	}

	/** What staff marking an invoice paid, voiding it or giving more time came to. */
	public enum Change {

		DONE, NOT_FOUND, NOT_OPEN, DATE_IN_FUTURE, DATE_IN_PAST

	}

	/**
	 * Records the bank transfer staff received for an open invoice: a payment numbered
	 * with the invoice's number in the ledger (so revenue counts it), the invoice paid, a
	 * licence in grace running again, and the manager's receipt.
	 * @param paidOn the day the money arrived (UTC), today or earlier
	 */
	@Transactional
	public Change markPaid(long invoiceId, LocalDate paidOn, String reference, long staffId) {
		Instant now = clock.instant();
		GroupInvoice invoice = invoices.lock(invoiceId).orElse(null);
		if (invoice == null) {
			return Change.NOT_FOUND;
		}
		if (invoice.status() != InvoiceStatus.OPEN) {
			return Change.NOT_OPEN;
		}
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		if (paidOn.isAfter(today)) {
			return Change.DATE_IN_FUTURE;
		}
		Instant paidAt = paidOn.equals(today) ? now : paidOn.atStartOfDay(ZoneOffset.UTC).toInstant();
		InvoiceLicence licence = licences.lock(invoice.subscriptionId()).orElseThrow();
		PaymentAttempt payment = payments
			.recordPaidByHand(licence.managerId(), licence.subscriptionId(), invoice.amount(), invoice.currency(),
					invoice.number(), reference, "invoice-" + invoice.id(), invoice.periodStart(), invoice.periodEnd(),
					paidAt)
			.orElseThrow(() -> new IllegalStateException("invoice " + invoiceId + " was recorded as paid before"));
		invoices.markPaid(invoiceId, paidAt, reference, payment.id());
		runningAgainIfSettled(licence, now);
		events.record(licence.subscriptionId(), licence.status(), Cause.INVOICE_PAID, Actor.staff(staffId), payment,
				now);
		audit.record(staffId, "invoice.paid", "invoice " + invoice.number() + " " + invoice.institution(),
				Money.format(invoice.amount(), invoice.currency()) + " on " + paidOn + ", reference " + reference);
		receipts.receipt(payment.id());
		log.info("Invoice marked paid invoiceId={} paymentId={} staffId={}", invoiceId, payment.id(), staffId);
		return Change.DONE;
	}

	/** Cancels an unpaid invoice: nothing is owed for it any more. */
	@Transactional
	public Change voidInvoice(long invoiceId, long staffId) {
		Instant now = clock.instant();
		GroupInvoice invoice = invoices.lock(invoiceId).orElse(null);
		if (invoice == null) {
			return Change.NOT_FOUND;
		}
		if (!invoices.markVoid(invoiceId, now)) {
			return Change.NOT_OPEN;
		}
		leaveGraceIfSettled(invoice.subscriptionId(), staffId, now);
		audit.record(staffId, "invoice.voided", "invoice " + invoice.number() + " " + invoice.institution(),
				Money.format(invoice.amount(), invoice.currency()));
		return Change.DONE;
	}

	/**
	 * Gives an open invoice a later due date (through the end of {@code dueOn}, UTC); a
	 * licence in grace for it runs again.
	 */
	@Transactional
	public Change extend(long invoiceId, LocalDate dueOn, long staffId) {
		Instant now = clock.instant();
		GroupInvoice invoice = invoices.lock(invoiceId).orElse(null);
		if (invoice == null) {
			return Change.NOT_FOUND;
		}
		Instant dueAt = dueOn.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		if (!dueAt.isAfter(now)) {
			return Change.DATE_IN_PAST;
		}
		if (!invoices.moveDueDate(invoiceId, dueAt)) {
			return Change.NOT_OPEN;
		}
		leaveGraceIfSettled(invoice.subscriptionId(), staffId, now);
		audit.record(staffId, "invoice.due-date-changed", "invoice " + invoice.number() + " " + invoice.institution(),
				"due " + dueOn);
		return Change.DONE;
	}

	/**
	 * Cancels a licence at its period end (no further invoice); one in grace has no paid
	 * period left and ends at once.
	 */
	@Transactional
	public Change cancel(long subscriptionId, long staffId) {
		Instant now = clock.instant();
		InvoiceLicence licence = licences.lock(subscriptionId).orElse(null);
		if (licence == null) {
			return Change.NOT_FOUND;
		}
		switch (licence.status()) {
			case ACTIVE -> licences.cancel(subscriptionId, now);
			case PAST_DUE -> subscriptions.end(subscriptionId, now, now);
			default -> {
				return Change.NOT_OPEN;
			}
		}
		events.record(subscriptionId, licence.status(), Cause.CANCELED_BY_STAFF, Actor.staff(staffId), now);
		audit.record(staffId, "licence.canceled", "group licence " + subscriptionId + " " + licence.institution(),
				licence.status() == SubscriptionStatus.ACTIVE ? "at the period end" : "at once (unpaid)");
		return Change.DONE;
	}

	/** A licence in grace whose overdue invoices are all settled runs again. */
	private void runningAgainIfSettled(InvoiceLicence licence, Instant now) {
		if (licence.status() == SubscriptionStatus.PAST_DUE && !invoices.hasOverdue(licence.subscriptionId(), now)) {
			licences.active(licence.subscriptionId(), now);
		}
	}

	/**
	 * After a void or a later due date: a licence in grace with nothing overdue left runs
	 * again, and the log says so.
	 */
	private void leaveGraceIfSettled(long subscriptionId, long staffId, Instant now) {
		InvoiceLicence licence = licences.lock(subscriptionId).orElseThrow();
		runningAgainIfSettled(licence, now);
		if (licence.status() == SubscriptionStatus.PAST_DUE && !invoices.hasOverdue(subscriptionId, now)) {
			events.record(subscriptionId, licence.status(), Cause.INVOICE_SETTLED, Actor.staff(staffId), now);
		}
	}

	public Optional<GroupInvoice> invoice(long invoiceId) {
		return invoices.find(invoiceId);
	}

	/**
	 * The invoice if the member manages its licence; empty otherwise, so nobody else
	 * reads it.
	 */
	public Optional<GroupInvoice> invoiceOfManager(long managerId, long invoiceId) {
		return invoices.find(invoiceId).filter(invoice -> invoice.managerId() == managerId);
	}

	/** A group subscription's invoices, newest first (none for a card group). */
	public List<GroupInvoice> invoicesOfGroup(long subscriptionId) {
		return invoices.ofSubscription(subscriptionId);
	}

	/** The newest invoices, all or in one status. */
	public List<GroupInvoice> invoices(@Nullable InvoiceStatus status) {
		return invoices.list(status, clock.instant());
	}

	public List<InvoiceLicence> licences() {
		return licences.all();
	}

	/** The "How to pay" words printed on invoices. */
	public String paymentText() {
		return issuing.paymentText();
	}

	/** Sets the "How to pay" words; blank restores the default. */
	@Transactional
	public void changePaymentText(String text, long staffId) {
		String kept = text.strip();
		invoices.savePaymentText(kept.isEmpty() ? null : kept);
		audit.record(staffId, "invoice.payment-text-changed", "invoices", kept.isEmpty() ? "default" : kept);
	}

}
