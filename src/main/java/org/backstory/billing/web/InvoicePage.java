package org.backstory.billing.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.backstory.billing.Money;
import org.backstory.billing.invoice.GroupInvoice;
import org.backstory.billing.invoice.InvoiceStatus;
import org.backstory.publishing.Publication;
import org.backstory.shared.Dates;
import org.jspecify.annotations.Nullable;

/**
 * A group licence's invoice as printed, for staff and for the licence's manager.
 *
 * @param number e.g. {@code 000042}, as receipts print it
 * @param status {@code open}, {@code overdue}, {@code paid} or {@code void}
 * @param paid e.g. {@code Paid on 3 March 2027 (reference BACS-1234)}; null unless paid
 * @param sellerAddress the publisher's address, line by line
 */
public record InvoicePage(long id, long subscriptionId, String number, String status, String issued, String due,
		String period, String institution, List<String> billingAddress, String contactEmail, @Nullable String poNumber,
		List<Line> lines, String total, String paymentText, @Nullable String paid, String publicationName,
		String sellerName, List<String> sellerAddress) {

	/** One line: what, how many, and the amount. */
	public record Line(String label, String amount) {
	}

	public boolean open() {
		return status.equals(InvoiceStatus.OPEN.code()) || status.equals(InvoiceStatus.OVERDUE.code());
	}

	static InvoicePage of(GroupInvoice invoice, Publication publication, String paymentText, Instant now) {
		String currency = invoice.currency();
		List<Line> lines = new ArrayList<>();
		lines
			.add(new Line(
					invoice.planName() + ", " + (invoice.interval().code().equals("month") ? "monthly" : "yearly")
							+ ": " + invoice.includedSeats() + " seats included",
					Money.format(invoice.baseAmount(), currency)));
		if (invoice.extraSeats() > 0) {
			lines.add(new Line(invoice.extraSeats() + " further seats × " + Money.format(invoice.seatPrice(), currency),
					Money.format(invoice.extraAmount(), currency)));
		}
		String paid = invoice.paidAt() == null ? null
				: "Paid on " + Dates.readerDate(invoice.paidAt()) + " (reference " + invoice.paidReference() + ")";
		return new InvoicePage(invoice.id(), invoice.subscriptionId(), String.format("%06d", invoice.number()),
				invoice.shownStatus(now).code(), Dates.readerDate(invoice.issuedAt()),
				Dates.readerDate(invoice.dueAt()),
				Dates.readerDate(invoice.periodStart()) + " – " + Dates.readerLastDay(invoice.periodEnd()),
				invoice.institution(), lines(invoice.billingAddress()), invoice.contactEmail(), invoice.poNumber(),
				List.copyOf(lines), Money.format(invoice.amount(), currency), paymentText, paid, publication.name(),
				publication.sellerName(), lines(publication.postalAddress()));
	}

	private static List<String> lines(String text) {
		return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
	}

}
