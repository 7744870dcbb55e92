package org.backstory.billing.group;

/**
 * Seats can't be added to the group now; the message is the sentence for the manager.
 */
public class SeatsRefused extends RuntimeException {

	SeatsRefused(String sentence) {
		super(sentence);
	}

}
