package org.backstory.billing.invoice;

/** What selling a licence by invoice came to. */
public sealed interface SaleOutcome {

	/** The licence runs and its first invoice is issued. */
	record Sold(long subscriptionId, long invoiceId) implements SaleOutcome {
	}

	/**
	 * Refused, with the form field to blame and the sentence staff see; nothing was
	 * written.
	 */
	record Refused(String field, String message) implements SaleOutcome {
	}

}
