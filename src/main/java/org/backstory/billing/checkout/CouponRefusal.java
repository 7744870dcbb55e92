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
	NOT_FOR_PLAN("This coupon can't be used with this plan."),
	/** The offer the checkout came from was archived (or never existed). */
	OFFER_ENDED("This offer is no longer available."),
	/** The checkout is for another plan or interval than the offer it came from. */
	OFFER_NOT_FOR_PLAN("This offer is for another plan or billing interval.");

	private final String message;

	CouponRefusal(String message) {
		this.message = message;
	}

	/** A sentence for the reader. */
	public String message() {
		return message;
	}

}
