package org.backstory.billing.web;

import org.backstory.billing.MoneyFormat;

/** Minor units and a currency code, written for readers: {@code $5.00}, {@code €48.00}. */
final class Prices {

	private Prices() {
	}

	static String format(long minorUnits, String currencyCode) {
		return MoneyFormat.format(minorUnits, currencyCode);
	}

}
