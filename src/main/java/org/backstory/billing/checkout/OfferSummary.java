package org.backstory.billing.checkout;

/**
 * An offer with how it did: landing page views and checkouts that redeemed it.
 *
 * @param views landing page views, counted per day
 * @param redemptions checkouts with the offer whose first charge succeeded or whose trial
 * started
 */
public record OfferSummary(Offer offer, long views, long redemptions) {

	/** Redemptions per view in whole percent (rounded down); 0 before any view. */
	public int conversionPercent() {
		return views == 0 ? 0 : (int) Math.min(100, redemptions * 100 / views);
	}

}
