package org.backstory.billing.payment;

/**
 * The card a member pays with, as shown to them: brand, last four digits and expiry.
 *
 * @param brand e.g. {@code Visa}
 * @param last4 the last four digits
 * @param expMonth 1 to 12
 * @param expYear four digits
 */
public record CardOnFile(String brand, String last4, int expMonth, int expYear) {

	/** The expiry as {@code MM/YYYY}, e.g. {@code 04/2031}. */
	public String expiry() {
		return String.format("%02d/%d", expMonth, expYear);
	}

}
