package org.backstory.billing.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.backstory.billing.GroupTerms;
import org.jspecify.annotations.Nullable;

/**
 * A plan's group terms as typed on the plans page: included seats (blank for an ordinary
 * plan) and the price of each further seat per month and per year, in major units.
 */
public record GroupTermsForm(@Nullable String includedSeats, @Nullable String seatMonthlyPrice,
		@Nullable String seatYearlyPrice) {

	/** The terms (null: not a group plan), or the errors. */
	Checked check(String currency) {
		String seats = includedSeats == null ? "" : includedSeats.strip();
		if (seats.isEmpty()) {
			return new Checked(null, Map.of());
		}
		Map<String, String> errors = new LinkedHashMap<>();
		Integer included = seats.matches("[0-9]{1,4}") ? Integer.valueOf(seats) : null;
		if (included == null || included < 1 || included > GroupTerms.MAX_SEATS) {
			errors.put("includedSeats",
					"Included seats must be a whole number from 1 to " + GroupTerms.MAX_SEATS + ".");
		}
		Long monthly = AmountField.parse(text(seatMonthlyPrice), currency).orElse(null);
		Long yearly = AmountField.parse(text(seatYearlyPrice), currency).orElse(null);
		if (monthly == null || yearly == null) {
			errors.put("seatPrice", "Enter the price of a further seat per month and per year, like 4.00.");
		}
		if (!errors.isEmpty() || included == null || monthly == null || yearly == null) {
			return new Checked(null, Collections.unmodifiableMap(errors));
		}
		return new Checked(new GroupTerms(included, monthly, yearly), Map.of());
	}

	private static String text(@Nullable String value) {
		return value == null ? "" : value;
	}

	/**
	 * The terms, or null for an ordinary plan or when {@code errors} says what is wrong.
	 */
	record Checked(@Nullable GroupTerms terms, Map<String, String> errors) {
	}

}
