package org.backstory.billing.payment;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.backstory.shared.Timestamps;
import org.jspecify.annotations.Nullable;

/**
 * A charge about to be recorded as pending.
 *
 * @param subscriptionId the subscription it pays for; null for a gift
 * @param periodStart start of the subscription period it pays for, if it pays for one
 * @param periodEnd end of that period
 */
public record NewPayment(long memberId, @Nullable Long subscriptionId, PaymentPurpose purpose, ChargeAmount amount,
		String currency, String gateway, String idempotencyKey, StoredCard card, @Nullable Instant periodStart,
		@Nullable Instant periodEnd) {

	Map<String, @Nullable Object> columns() {
		Map<String, @Nullable Object> columns = new HashMap<>(CardColumns.of(card));
		columns.put("member", memberId);
		columns.put("subscription", subscriptionId);
		columns.put("purpose", purpose.code());
		columns.put("amount", amount.due());
		columns.put("list", amount.list());
		columns.put("discount", amount.discount());
		columns.put("credit", amount.credit());
		columns.put("currency", currency);
		columns.put("gateway", gateway);
		columns.put("key", idempotencyKey);
		columns.put("periodStart", Timestamps.of(periodStart));
		columns.put("periodEnd", Timestamps.of(periodEnd));
		return columns;
	}

	PaymentAttempt attempt(long id) {
		return new PaymentAttempt(id, memberId, subscriptionId, purpose, gateway, amount.due(), currency,
				PaymentStatus.PENDING, idempotencyKey, null, card, periodStart, periodEnd);
	}

}
