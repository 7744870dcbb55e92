package org.backstory.billing.subscription;

/**
 * A change a subscription cannot make in its current state, e.g. cancelling one that is
 * already canceled. The message is written for the member or staff member who asked.
 */
public class SubscriptionChangeRefused extends RuntimeException {

	public SubscriptionChangeRefused(String message) {
		super(message);
	}

}
