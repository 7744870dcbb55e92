package org.backstory.billing.group;

/**
 * What confirming seats came to, and the seats' price as of now.
 */
public record SeatAddition(Outcome outcome, SeatQuote quote) {

	/** What happened to the seats. */
	public enum Outcome {

		/** The seats are the group's; their pro-rata price is a pending charge. */
		ADDED,
		/** This confirmation added its seats already (a second submit): nothing more. */
		ALREADY_ADDED,
		/**
		 * The price is not the one shown (a day went by): nothing was added, the new
		 * price is to be confirmed.
		 */
		PRICE_CHANGED

	}

}
