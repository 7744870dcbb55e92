package org.backstory.billing.checkout;

/** Why a coupon code cannot be used at checkout, with the sentence the reader sees. */
public enum CouponRefusal {

	UNKNOWN("No coupon with that code."), DEACTIVATED("This coupon is no longer valid."),
	EXPIRED("This coupon has expired."), USED_UP("This coupon has been used up."),
	ALREADY_USED("You have already used this coupon."),
	/**
	 * Restricted to another plan, in another currency, or it would leave nothing to
	 * charge.
	 */
	NOT_FOR_PLAN("This coupon can't be used with this plan.");

	private final String message;

	CouponRefusal(String message) {
		this.message = message;
	}

	/** A sentence for the reader. */
	public String message() {
		return message;
	}

}
