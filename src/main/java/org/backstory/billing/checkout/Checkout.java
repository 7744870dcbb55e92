package org.backstory.billing.checkout;

import java.util.UUID;

import org.backstory.billing.BillingInterval;
import org.backstory.billing.payment.CheckoutCard;
import org.jspecify.annotations.Nullable;

/**
 * A member's request to subscribe, paying the first period with a card.
 *
 * @param memberId who subscribes
 * @param email their address, for the gateway's customer record
 * @param planCode the plan chosen
 * @param interval monthly or yearly
 * @param attemptId identifies this checkout form: submitting it again (double click,
 * retry after an error) is the same attempt and never charges twice
 * @param card what the member typed, or the setup in which they entered it on the
 * gateway's page
 * @param couponCode a coupon code the member typed, or null
 * @param articleId the article the member was on when they chose to subscribe (checked by
 * the caller to be a published or scheduled article, see
 * {@link org.backstory.publishing.ArticleTitles#exists}), or null
 * @param offerCode the offer the member came from ({@code /offer/<code>}), whose trial or
 * discount applies instead of a typed coupon, or null
 * @param seats for a group plan, the seats the manager buys, their own included (raised
 * to the plan's included seats); null for the included seats, and ignored for other plans
 */
public record Checkout(long memberId, String email, String planCode, BillingInterval interval, UUID attemptId,
		CheckoutCard card, @Nullable String couponCode, @Nullable Long articleId, @Nullable String offerCode,
		@Nullable Integer seats) {

	/**
	 * A checkout without an offer, of the included seats of a group plan or of any other
	 * plan.
	 */
	public Checkout(long memberId, String email, String planCode, BillingInterval interval, UUID attemptId,
			CheckoutCard card, @Nullable String couponCode, @Nullable Long articleId) {
		this(memberId, email, planCode, interval, attemptId, card, couponCode, articleId, null, null);
	}

	/** A checkout not attributed to an article. */
	public Checkout(long memberId, String email, String planCode, BillingInterval interval, UUID attemptId,
			CheckoutCard card, @Nullable String couponCode) {
		this(memberId, email, planCode, interval, attemptId, card, couponCode, null);
	}

	/** A checkout without a coupon. */
	public Checkout(long memberId, String email, String planCode, BillingInterval interval, UUID attemptId,
			CheckoutCard card) {
		this(memberId, email, planCode, interval, attemptId, card, null);
	}

	/**
	 * The key the first charge is made with, scoped to the member so one member cannot
	 * reuse another's.
	 */
	String idempotencyKey() {
		return "checkout-" + memberId + "-" + attemptId;
	}

}
