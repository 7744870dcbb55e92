package org.backstory.billing;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/**
 * Minor units and a currency code, written for readers: {@code $5.00}, {@code €48.00}.
 */
public final class Money {

	private Money() {
	}

	/** e.g. {@code $5.00} for 500 USD. */
	public static String format(long minorUnits, String currencyCode) {
		Currency currency = Currency.getInstance(currencyCode);
		int digits = Math.max(currency.getDefaultFractionDigits(), 0);
		NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
		format.setCurrency(currency);
		format.setMinimumFractionDigits(digits);
		format.setMaximumFractionDigits(digits);
		return format.format(BigDecimal.valueOf(minorUnits, digits));
	}

}
