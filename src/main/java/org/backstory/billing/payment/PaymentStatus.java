package org.backstory.billing.payment;

import java.util.Locale;

/**
 * Where a payment attempt stands: pending from before the gateway call until its answer
 * is recorded.
 */
public enum PaymentStatus {

	PENDING, SUCCEEDED, FAILED;

	String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	static PaymentStatus fromCode(String code) {
		return valueOf(code.toUpperCase(Locale.ROOT));
	}

}
