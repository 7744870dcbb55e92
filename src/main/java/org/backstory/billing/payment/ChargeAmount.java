package org.backstory.billing.payment;

/**
 * What one charge is made of: the list price, less the coupon's discount, less credit the
 * member is owed.
 *
 * @param list the price before anything is taken off
 * @param discount taken off by a coupon
 * @param credit taken off from the member's credit balance
 */
public record ChargeAmount(long list, long discount, long credit) {

	public ChargeAmount {
		if (list < 0 || discount < 0 || credit < 0 || discount + credit > list) {
			throw new IllegalArgumentException("a charge cannot take off more than its list price");
		}
	}

	/** A charge of the full list price. */
	public static ChargeAmount of(long list) {
		return new ChargeAmount(list, 0, 0);
	}

	/** This charge with as much of {@code balance} taken off as it can hold. */
	public ChargeAmount withCredit(long balance) {
		return new ChargeAmount(list, discount, Math.min(balance, list - discount));
	}

	/** What is actually charged; zero when a discount or credit covers everything. */
	public long due() {
		return list - discount - credit;
	}

}
