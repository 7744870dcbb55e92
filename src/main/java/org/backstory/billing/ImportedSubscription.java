package org.backstory.billing;

import java.time.Instant;

import org.backstory.billing.payment.StoredCard;
import org.jspecify.annotations.Nullable;

/**
 * A subscription brought over from another platform as it stands there, with the card the
 * member pays with. The constructor rejects combinations a subscription cannot be in.
 *
 * @param memberId whose subscription it is
 * @param planCode the plan here that it corresponds to
 * @param interval monthly or yearly
 * @param status any status but {@link SubscriptionStatus#INCOMPLETE}
 * @param currentPeriodStart start of the period paid for
 * @param currentPeriodEnd end of the period paid for, after its start
 * @param pastDueSince when the failed charge happened; required for, and only for,
 * {@code PAST_DUE}
 * @param card the card on file as the configured gateway knows it (with the sandbox
 * gateway, one of {@link SandboxCards}' stored cards), or null for none
 */
public record ImportedSubscription(long memberId, String planCode, BillingInterval interval, SubscriptionStatus status,
		Instant currentPeriodStart, Instant currentPeriodEnd, @Nullable Instant pastDueSince,
		@Nullable StoredCard card) {

	public ImportedSubscription {
		if (status == SubscriptionStatus.INCOMPLETE) {
			throw new IllegalArgumentException("an unfinished checkout cannot be imported");
		}
		if (!currentPeriodEnd.isAfter(currentPeriodStart)) {
			throw new IllegalArgumentException("the period must end after it starts");
		}
		if ((status == SubscriptionStatus.PAST_DUE) != (pastDueSince != null)) {
			throw new IllegalArgumentException("pastDueSince is required for, and only for, a past-due subscription");
		}
	}

}
