package org.backstory.billing.invoice;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.backstory.members.MemberDirectory;
import org.springframework.stereotype.Component;

/**
 * Issuing a licence's invoice for one period, for the sale and the invoice run alike: due
 * after the licence's payment terms, numbered from the receipts' sequence, and mailed.
 */
@Component
class InvoiceIssuing {

	/** The "How to pay" words printed on an invoice until staff write their own. */
	static final String DEFAULT_PAYMENT_TEXT = "Please pay by bank transfer by the due date, quoting the invoice number as the payment reference.";

	private final InvoiceRepository invoices;

	private final MemberDirectory members;

	private final InvoiceMails mails;

	InvoiceIssuing(InvoiceRepository invoices, MemberDirectory members, InvoiceMails mails) {
		this.invoices = invoices;
		this.members = members;
		this.mails = mails;
	}

	/**
	 * Issues and mails the invoice of the period from {@code start} to {@code end}; empty
	 * when the period has one already.
	 */
	Optional<Long> issue(InvoiceLicence licence, Instant start, Instant end, long baseAmount, long seatPrice,
			int includedSeats, Instant now) {
		Optional<Long> id = invoices.issue(new InvoiceRepository.NewInvoice(licence.subscriptionId(), start, end,
				licence.seats(), includedSeats, baseAmount, seatPrice, licence.price(), licence.currency(),
				licence.poNumber(), now, now.plus(Duration.ofDays(licence.paymentTerms()))));
		id.flatMap(invoices::find)
			.ifPresent(invoice -> members.profile(licence.managerId())
				.ifPresent(manager -> mails.issued(invoice, manager.email(), paymentText())));
		return id;
	}

	/** The "How to pay" words printed on invoices. */
	String paymentText() {
		return invoices.paymentText().filter(text -> !text.isBlank()).orElse(DEFAULT_PAYMENT_TEXT);
	}

}
