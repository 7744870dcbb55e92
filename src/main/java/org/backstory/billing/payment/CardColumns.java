package org.backstory.billing.payment;

import java.util.HashMap;
import java.util.Map;

/**
 * A stored card's facts as named SQL parameters, for the tables that keep a copy of them.
 */
public final class CardColumns {

	private CardColumns() {
	}

	/**
	 * {@code customer, token, brand, last4, expMonth, expYear}; the customer id may be
	 * null.
	 */
	public static Map<String, Object> of(StoredCard card) {
		Map<String, Object> columns = new HashMap<>();
		columns.put("customer", card.customerId());
		columns.put("token", card.token());
		columns.put("brand", card.brand());
		columns.put("last4", card.last4());
		columns.put("expMonth", card.expMonth());
		columns.put("expYear", card.expYear());
		return columns;
	}

}
