package org.backstory.billing;

/**
 * Something a reader can subscribe to, with a price per month and per year.
 *
 * @param code stable identifier used in URLs, e.g. {@code supporter}
 * @param name shown to readers
 * @param tier the access tier a subscription to this plan grants (what article
 * visibilities name)
 * @param description one or two sentences for the subscribe page
 * @param currency ISO 4217 code, e.g. {@code USD}
 * @param monthlyPrice price per month in minor units (cents)
 * @param yearlyPrice price per year in minor units
 * @param trialDays days of free trial before a new subscriber's first charge; one trial
 * per member
 * @param active whether new readers may subscribe to it
 * @param displayOrder position on the subscribe page, lowest first
 */
public record Plan(String code, String name, String tier, String description, String currency, long monthlyPrice,
		long yearlyPrice, int trialDays, boolean active, int displayOrder) {

	/** The price of one period of the given interval, in minor units. */
	public long price(BillingInterval interval) {
		return interval == BillingInterval.MONTH ? monthlyPrice : yearlyPrice;
	}

}
