package org.backstory.billing;

import java.util.Currency;
import java.util.regex.Pattern;

/**
 * A plan to add to the catalog. The constructor rejects values the catalog could not
 * store, with a message saying which.
 *
 * @param code lower-case letters, digits and dashes, at most 40, e.g. {@code supporter}
 * @param name 1 to 80 characters
 * @param tier lower-case letters, digits and dashes, at most 40, e.g. {@code paid}
 * @param description at most 500 characters
 * @param currency ISO 4217 code such as {@code USD}
 * @param monthlyPrice price per month in minor units, above zero
 * @param yearlyPrice price per year in minor units, above zero
 * @param displayOrder position on the subscribe page, lowest first
 * @param trialDays days of free trial before a new subscriber's first charge, 0 to 365
 * (one trial per member)
 */
public record NewPlan(String code, String name, String tier, String description, String currency, long monthlyPrice,
		long yearlyPrice, int displayOrder, int trialDays) {

	private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

	public NewPlan {
		require(CODE.matcher(code).matches(), "plan code must be lower-case letters, digits and dashes: " + code);
		require(CODE.matcher(tier).matches(), "tier must be lower-case letters, digits and dashes: " + tier);
		require(!name.isBlank() && name.length() <= 80, "plan name must be 1 to 80 characters");
		require(description.length() <= 500, "plan description must be at most 500 characters");
		require(isCurrency(currency), "currency must be an ISO 4217 code such as USD: " + currency);
		require(monthlyPrice > 0 && yearlyPrice > 0, "prices must be above zero");
		require(trialDays >= 0 && trialDays <= 365, "trial days must be 0 to 365");
	}

	/** A plan without a free trial. */
	public NewPlan(String code, String name, String tier, String description, String currency, long monthlyPrice,
			long yearlyPrice, int displayOrder) {
		this(code, name, tier, description, currency, monthlyPrice, yearlyPrice, displayOrder, 0);
	}

	private static boolean isCurrency(String code) {
		return code.matches("[A-Z]{3}")
				&& Currency.getAvailableCurrencies().stream().anyMatch(c -> c.getCurrencyCode().equals(code));
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException(message);
		}
	}

}
