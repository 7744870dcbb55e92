package org.backstory.billing.web;

import java.util.List;
import java.util.Map;

import org.backstory.billing.payment.CardOnFile;
import org.jspecify.annotations.Nullable;

/**
 * A member's billing as staff see it.
 *
 * @param plan the member's subscription as the account page describes it, or null when
 * there is none
 * @param status the subscription's status code, e.g. {@code past_due}; null when there is
 * none
 * @param cancelable staff may end the subscription now
 * @param refundForms a refund form per payment that can still be refunded, by payment id
 */
public record StaffMemberPage(long memberId, String name, String email, @Nullable AccountPlan plan,
		@Nullable String status, boolean cancelable, @Nullable CardOnFile card, List<EventLine> events,
		List<PaymentLine> payments, Map<Long, RefundForm> refundForms, List<String> tiers) {
}
