package org.backstory.billing.payment;

import org.jspecify.annotations.Nullable;

/**
 * The second of a flow's two short transactions around a gateway call: recording the
 * gateway's answer to a payment made for {@link #purpose()} and moving what it paid for
 * along. {@link PaymentSettlement} finds the steps by the payment's purpose, so a webhook
 * or a retry settles a payment the way the flow that made it would.
 *
 * @param <O> what the flow reports to the member who made the payment (nothing for the
 * renewal run)
 */
public interface ChargeSteps<O> {

	/** The purpose of the payments these steps settle. */
	PaymentPurpose purpose();

	/**
	 * Records the answer to a pending payment; an answer someone else recorded first
	 * changes nothing.
	 */
	@Nullable O settle(PaymentAttempt attempt, PaymentGateway.ChargeResult result);

}
