package org.backstory.billing.gift;

import java.time.Instant;

/** How {@link GiftService#redeem redeeming a gift} ended. */
public sealed interface GiftRedemption {

	/** The member's gift subscription runs until {@code until}, and does not renew. */
	record Redeemed(long subscriptionId, Instant until) implements GiftRedemption {
	}

	/** Someone redeemed this gift before; nothing changed. */
	record AlreadyRedeemed() implements GiftRedemption {
	}

	/**
	 * The member already has a subscription (paid, trial, comp or gift), or a checkout
	 * being paid; nothing changed and the gift can still be redeemed, by them later or by
	 * someone else.
	 */
	record AlreadySubscribed() implements GiftRedemption {
	}

	/** No bought gift has that link. */
	record Unknown() implements GiftRedemption {
	}

}
