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
	 * An invoice of a group licence, paid by bank transfer and marked paid by staff:
	 * never charged through the gateway, so no {@link ChargeSteps} settle it.
	 */
	INVOICE,
	/**
	 * The pro-rata price of seats a group's manager added mid-period, charged by the
	 * renewal run.
	 */
	SEATS;

	/** Whether payments for this purpose are charges the gateway answers. */
	boolean throughGateway() {
		return this != INVOICE;
	}

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	static PaymentPurpose fromCode(String code) {
		return valueOf(code.toUpperCase(Locale.ROOT));
	}

}
