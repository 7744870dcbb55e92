package org.backstory.billing.web;

import java.time.Instant;

import org.backstory.billing.Money;
import org.backstory.billing.invoice.GroupInvoice;
import org.backstory.shared.Dates;

/** An invoice in a list: number, institution, total, due date and status. */
public record InvoiceRow(long id, String number, String institution, String total, String issued, String due,
		String status) {

	static InvoiceRow of(GroupInvoice invoice, Instant now) {
		return new InvoiceRow(invoice.id(), String.format("%06d", invoice.number()), invoice.institution(),
				Money.format(invoice.amount(), invoice.currency()), Dates.readerDate(invoice.issuedAt()),
				Dates.readerDate(invoice.dueAt()), invoice.shownStatus(now).code());
	}

}
