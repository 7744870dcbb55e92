package org.backstory.billing;

import org.backstory.billing.payment.PaymentGatewaySelection;
import org.backstory.billing.payment.StoredCard;

/**
 * The sandbox gateway's test cards, for demos and tests (the sandbox is the default
 * gateway, see {@link PaymentGatewaySelection}). Typed into the checkout form:
 * <ul>
 * <li>{@value #SUCCEEDS} is accepted and every charge succeeds;</li>
 * <li>{@value #DECLINED} is declined at checkout;</li>
 * <li>{@value #FIRST_CHARGE_ONLY} is accepted and its first charge succeeds, every later
 * charge fails;</li>
 * <li>{@value #REQUIRES_AUTHENTICATION} is accepted and charged once at checkout (where
 * the member is present); every later charge needs the member to authenticate it, as
 * Stripe's test card of that number asks for 3-D Secure on every payment.</li>
 * </ul>
 * Any other number is declined. Two stored cards exist ready-made, for importing
 * subscriptions without a checkout: {@link #VISA} (every charge succeeds) and
 * {@link #VISA_CHARGES_FAIL} (every charge fails).
 */
public final class SandboxCards {

	/** Accepted; every charge succeeds. */
	public static final String SUCCEEDS = "4242424242424242";

	/** Declined when attached at checkout. */
	public static final String DECLINED = "4000000000000002";

	/** Accepted and charged once at checkout; every later charge fails. */
	public static final String FIRST_CHARGE_ONLY = "4000000000000341";

	/**
	 * Accepted and charged once at checkout; every later (off-session) charge waits for
	 * the member to authenticate it.
	 */
	public static final String REQUIRES_AUTHENTICATION = "4000002760003184";

	/** A stored Visa whose every charge succeeds. */
	public static final StoredCard VISA = new StoredCard(null, "pm_sandbox_visa", "Visa", "4242", 12, 2034);

	/**
	 * A stored Visa whose every charge is declined, like Stripe's
	 * {@code pm_card_chargeCustomerFail}.
	 */
	public static final StoredCard VISA_CHARGES_FAIL = new StoredCard(null, "pm_sandbox_chargeCustomerFail", "Visa",
			"0341", 12, 2034);

	private SandboxCards() {
	}

}
