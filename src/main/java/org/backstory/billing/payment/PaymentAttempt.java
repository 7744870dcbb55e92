package org.backstory.billing.payment;

import java.time.Instant;
import java.util.Objects;

import org.backstory.billing.ledger.SubscriptionEventLog;
import org.jspecify.annotations.Nullable;

/**
 * A charge we decided to make, recorded before the gateway is asked. Its idempotency key
 * goes to the gateway, so asking again after a crash or a double submit returns the first
 * answer.
 *
 * @param subscriptionId the subscription it pays for; null for a gift, which pays for no
 * subscription yet
 * @param card the stored card charged (null only once the member has been forgotten)
 */
public record PaymentAttempt(long id, long memberId, @Nullable Long subscriptionId, PaymentPurpose purpose,
		String gateway, long amount, String currency, PaymentStatus status, String idempotencyKey,
		@Nullable String failureReason, @Nullable StoredCard card, @Nullable Instant periodStart,
		@Nullable Instant periodEnd) implements SubscriptionEventLog.ChargeMade {

	/**
	 * The request to send (again): always the same for the same attempt, as idempotency
	 * keys require.
	 */
	public PaymentGateway.Charge charge() {
		StoredCard charged = Objects.requireNonNull(card, "payment attempt without a card");
		return new PaymentGateway.Charge(charged.customerId(), charged.token(), amount, currency, idempotencyKey,
				purpose == PaymentPurpose.GIFT ? "Gift subscription" : "Subscription " + subscriptionId);
	}

}
