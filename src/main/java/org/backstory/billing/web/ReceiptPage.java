package org.backstory.billing.web;

import java.util.ArrayList;
import java.util.List;

import org.backstory.billing.Money;
import org.backstory.billing.PaymentRecord;
import org.backstory.billing.Receipt;
import org.jspecify.annotations.Nullable;

/**
 * A receipt as printed.
 *
 * @param invoiceNumber e.g. {@code 000042}
 * @param date when it was paid
 * @param description what was paid for
 * @param period the subscription period it paid for, e.g.
 * {@code 29 November 2026 – 29 December 2026}
 * @param lines list price, discount and credit, each a label and an amount; discount and
 * credit only when there was some
 * @param amount what was charged
 * @param refunded what was given back since; null when nothing
 * @param card e.g. {@code Visa ending in 4242}; null when not known
 * @param sellerAddress the publisher's address, line by line
 */
public record ReceiptPage(String invoiceNumber, String date, String description, @Nullable String period,
		List<Line> lines, String amount, @Nullable String refunded, @Nullable String card, String memberName,
		String memberEmail, String publicationName, String sellerName, List<String> sellerAddress) {

	/** A label and an amount, e.g. {@code Discount} and {@code −$1.00}. */
	public record Line(String label, String amount) {
	}

	static ReceiptPage of(Receipt receipt) {
		PaymentRecord payment = receipt.payment();
		String currency = payment.currency();
		List<Line> lines = new ArrayList<>();
		lines.add(new Line("Price", Money.format(payment.listAmount(), currency)));
		if (payment.discount() > 0) {
			lines.add(new Line("Discount", "−" + Money.format(payment.discount(), currency)));
		}
		if (payment.creditApplied() > 0) {
			lines.add(new Line("Credit", "−" + Money.format(payment.creditApplied(), currency)));
		}
		String period = payment.periodStart() == null || payment.periodEnd() == null ? null
				: Pages.date(payment.periodStart()) + " – " + Pages.date(payment.periodEnd());
		Long invoice = payment.invoiceNumber();
		return new ReceiptPage(invoice == null ? "" : String.format("%06d", invoice),
				Pages.date(payment.settledAt() == null ? payment.createdAt() : payment.settledAt()),
				receipt.description(), period, List.copyOf(lines), Money.format(payment.amount(), currency),
				payment.refundedAmount() == 0 ? null : Money.format(payment.refundedAmount(), currency),
				payment.cardBrand() == null || payment.cardLast4() == null ? null
						: payment.cardBrand() + " ending in " + payment.cardLast4(),
				receipt.memberName(), receipt.memberEmail(), receipt.publicationName(), receipt.sellerName(),
				receipt.postalAddress().lines().map(String::strip).filter(line -> !line.isEmpty()).toList());
	}

}
