package org.backstory.billing.card;

import org.backstory.billing.payment.CardOnFile;

/** The answer to {@link CardService#replaceCard}. */
public sealed interface CardChange {

	/** The new card is on file. */
	record Replaced(CardOnFile card) implements CardChange {
	}

	/** The gateway refused the card; {@code message} is a sentence for the member. */
	record Declined(String message) implements CardChange {
	}

	/** The gateway did not answer; nothing changed, the member may try again. */
	record NotConfirmed() implements CardChange {
	}

}
