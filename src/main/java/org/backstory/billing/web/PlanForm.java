package org.backstory.billing.web;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.backstory.billing.NewPlan;
import org.jspecify.annotations.Nullable;

/**
 * The plans page's forms as typed: a new plan, or new prices for one. Prices are in major
 * units ({@code 6.50}); a field left out is empty.
 */
public record PlanForm(@Nullable String code, @Nullable String name, @Nullable String tier,
		@Nullable String description, @Nullable String currency, @Nullable String monthlyPrice,
		@Nullable String yearlyPrice, @Nullable String trialDays, @Nullable String displayOrder) {

	static PlanForm empty() {
		return new PlanForm("", "", "paid", "", "USD", "", "", "0", "0");
	}

	/** New prices in minor units of {@code currencyCode}, or the errors per field. */
	Prices prices(String currencyCode) {
		Map<String, String> errors = new LinkedHashMap<>();
		Long monthly = minorUnits(monthlyPrice, currencyCode, "monthlyPrice", errors);
		Long yearly = minorUnits(yearlyPrice, currencyCode, "yearlyPrice", errors);
		return new Prices(monthly == null ? 0 : monthly, yearly == null ? 0 : yearly, Map.copyOf(errors));
	}

	/** The new plan, or the errors per field. */
	Checked plan() {
		Map<String, String> errors = new LinkedHashMap<>();
		String money = text(currency).toUpperCase(Locale.ROOT);
		if (!money.matches("[A-Z]{3}")
				|| Currency.getAvailableCurrencies().stream().noneMatch(c -> c.getCurrencyCode().equals(money))) {
			errors.put("currency", "Enter a currency code such as USD.");
		}
		boolean knownCurrency = errors.isEmpty();
		Long monthly = knownCurrency ? minorUnits(monthlyPrice, money, "monthlyPrice", errors) : null;
		Long yearly = knownCurrency ? minorUnits(yearlyPrice, money, "yearlyPrice", errors) : null;
		Integer trial = whole(trialDays, 0, 365, "trialDays", "Trial days must be 0 to 365.", errors);
		Integer order = whole(displayOrder, -1_000_000, 1_000_000, "displayOrder",
				"The position must be a whole number.", errors);
		if (!errors.isEmpty() || monthly == null || yearly == null || trial == null || order == null) {
			return new Checked(null, Map.copyOf(errors));
		}
		try {
			return new Checked(new NewPlan(text(code), text(name), text(tier), text(description), money, monthly,
					yearly, order, trial), Map.of());
		}
		catch (IllegalArgumentException ex) {
			return new Checked(null, Map.of("form", capitalised(ex.getMessage())));
		}
	}

	/** Checked prices: valid when there are no errors. */
	record Prices(long monthly, long yearly, Map<String, String> errors) {
	}

	/** A checked new plan: the plan, or null and why not. */
	record Checked(@Nullable NewPlan plan, Map<String, String> errors) {
	}

	private static @Nullable Long minorUnits(@Nullable String value, String currencyCode, String field,
			Map<String, String> errors) {
		int digits = Math.max(Currency.getInstance(currencyCode).getDefaultFractionDigits(), 0);
		try {
			long minor = new BigDecimal(text(value)).movePointRight(digits).longValueExact();
			if (minor <= 0) {
				errors.put(field, "The price must be above zero.");
				return null;
			}
			return minor;
		}
		catch (NumberFormatException | ArithmeticException ex) {
			errors.put(field, "Enter a price such as 6.50.");
			return null;
		}
	}

	private static @Nullable Integer whole(@Nullable String value, int min, int max, String field, String message,
			Map<String, String> errors) {
		try {
			int number = Integer.parseInt(text(value));
			if (number >= min && number <= max) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		errors.put(field, message);
		return null;
	}

	private static String capitalised(String message) {
		return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1) + ".";
	}

	private static String text(@Nullable String value) {
		return value == null ? "" : value.strip();
	}

}
