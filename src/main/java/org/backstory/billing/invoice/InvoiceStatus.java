package org.backstory.billing.invoice;

import java.util.Locale;
import java.util.Optional;

/**
 * Where an invoice stands. {@code OVERDUE} is not stored: it is an open invoice past its
 * due date.
 */
public enum InvoiceStatus {

	OPEN, OVERDUE, PAID, VOID;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** A filter of the staff list, or empty for an unknown one (the whole list). */
	public static Optional<InvoiceStatus> fromCode(String code) {
		for (InvoiceStatus status : values()) {
			if (status.code().equals(code)) {
				return Optional.of(status);
			}
		}
		return Optional.empty();
	}

}
