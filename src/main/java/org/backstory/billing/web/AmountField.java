package org.backstory.billing.web;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;

/**
 * An amount of money as typed into a form, in the currency's major units: {@code 12.50}
 * for $12.50.
 */
final class AmountField {

	private AmountField() {
	}

	/**
	 * The amount in minor units; empty for anything that is not a positive amount the
	 * currency can hold.
	 */
	static Optional<Long> parse(String typed, String currencyCode) {
		String text = typed.strip().replace(",", "");
		if (!text.matches("[0-9]{1,10}(\\.[0-9]{1,4})?")) {
			return Optional.empty();
		}
		BigDecimal amount = new BigDecimal(text);
		int digits = fractionDigits(currencyCode);
		if (amount.scale() > digits || amount.signum() <= 0) {
			return Optional.empty();
		}
		return Optional.of(amount.movePointRight(digits).longValueExact());
	}

	/** Minor units written as they would be typed, e.g. {@code 12.50}. */
	static String plain(long minorUnits, String currencyCode) {
		return BigDecimal.valueOf(minorUnits, fractionDigits(currencyCode)).toPlainString();
	}

	private static int fractionDigits(String currencyCode) {
		return Math.max(Currency.getInstance(currencyCode).getDefaultFractionDigits(), 0);
	}

}
