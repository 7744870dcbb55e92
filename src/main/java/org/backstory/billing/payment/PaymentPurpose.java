package org.backstory.billing.payment;

import java.util.Locale;

/** What a payment pays for. */
public enum PaymentPurpose {

	/** The first period, at checkout. */
	CHECKOUT,
	/** A further period, charged by the renewal run (or a retry of it). */
	RENEWAL,
	/** The prorated difference when a member moves to a dearer plan or interval. */
	PLAN_CHANGE,
	/** A gift subscription bought for someone else. */
	GIFT,
	/**
	 * The pro-rata price of seats a group's manager added mid-period, charged by the
	 * renewal run.
	 */
	SEATS;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	static PaymentPurpose fromCode(String code) {
		return valueOf(code.toUpperCase(Locale.ROOT));
	}

}
