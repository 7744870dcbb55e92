package org.backstory.billing.payment;

/**
 * The card a checkout pays with: typed into our own form ({@link CardDetails}), or
 * entered on the gateway's page ({@link FromSetup}) when the gateway takes cards there.
 */
public sealed interface CheckoutCard permits CardDetails, CheckoutCard.FromSetup {

	/**
	 * The card the member entered on the gateway's page, in a card setup the checkout
	 * started there.
	 *
	 * @param setupId the gateway's reference to the setup, as it came back with the
	 * member
	 */
	record FromSetup(String setupId) implements CheckoutCard {

		public FromSetup {
			if (setupId.isBlank() || setupId.length() > 255) {
				throw new IllegalArgumentException("setup id must be 1 to 255 characters");
			}
		}

	}

}
