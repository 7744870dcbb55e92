package org.backstory.billing.web;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.backstory.billing.payment.CardDetails;
import org.jspecify.annotations.Nullable;

/**
 * The card fields of the checkout and card pages, as typed. Checked here before anything
 * reaches the gateway, so a typo costs no gateway call.
 *
 * @param nameOnCard as printed on the card
 * @param cardNumber digits, spaces or dashes allowed
 * @param expiry {@code MM/YY} (or {@code MM/YYYY})
 * @param cvc three or four digits
 */
public record CardForm(@Nullable String nameOnCard, @Nullable String cardNumber, @Nullable String expiry,
		@Nullable String cvc) {

	private static final Pattern EXPIRY = Pattern.compile("\\s*(\\d{1,2})\\s*/\\s*(\\d{2}|\\d{4})\\s*");

	private static final int MAX_NAME = 100;

	static CardForm empty() {
		return new CardForm(null, null, null, null);
	}

	/**
	 * The form to show again after an error: the card number and CVC are never written
	 * back into a page.
	 */
	CardForm withoutSecrets() {
		return new CardForm(nameOnCard, null, expiry, null);
	}

	/** The card to hand to the gateway, or what to fix, field by field. */
	Checked check(Clock clock) {
		Map<String, String> errors = new LinkedHashMap<>();
		String name = nameOnCard == null ? "" : nameOnCard.strip();
		if (name.isEmpty()) {
			errors.put("nameOnCard", "Enter the name on the card.");
		}
		else if (name.length() > MAX_NAME) {
			errors.put("nameOnCard", "The name on the card can be at most " + MAX_NAME + " characters.");
		}
		String number = cardNumber == null ? "" : cardNumber.replaceAll("[\\s-]", "");
		if (number.isEmpty()) {
			errors.put("cardNumber", "Enter your card number.");
		}
		else if (!CardDetails.isPlausibleNumber(number)) {
			errors.put("cardNumber", "That card number isn't valid. Check it and try again.");
		}
		YearMonth expires = checkExpiry(clock, errors);
		String code = cvc == null ? "" : cvc.strip();
		if (code.isEmpty()) {
			errors.put("cvc", "Enter the security code (CVC).");
		}
		else if (!code.matches("[0-9]{3,4}")) {
			errors.put("cvc", "The security code is the 3 or 4 digits on the back of the card.");
		}
		if (!errors.isEmpty() || expires == null) {
			return new Checked(null, errors);
		}
		return new Checked(new CardDetails(number, expires.getMonthValue(), expires.getYear(), code, name), errors);
	}

	private @Nullable YearMonth checkExpiry(Clock clock, Map<String, String> errors) {
		Matcher matcher = EXPIRY.matcher(expiry == null ? "" : expiry);
		if (expiry == null || expiry.isBlank() || expiry.length() > 12 || !matcher.matches()) {
			errors.put("expiry", "Enter the expiry date as MM/YY.");
			return null;
		}
		int month = Integer.parseInt(matcher.group(1));
		int year = Integer.parseInt(matcher.group(2));
		if (month < 1 || month > 12) {
			errors.put("expiry", "Enter the expiry date as MM/YY.");
			return null;
		}
		YearMonth expires = YearMonth.of(year < 100 ? 2000 + year : year, month);
		YearMonth now = YearMonth.now(clock.withZone(ZoneOffset.UTC));
		if (expires.isBefore(now)) {
			errors.put("expiry", "That card has expired.");
			return null;
		}
		if (expires.isAfter(now.plusYears(20))) {
			errors.put("expiry", "Check the expiry date.");
			return null;
		}
		return expires;
	}

	/** The outcome of {@link #check}: a card when there are no errors. */
	record Checked(@Nullable CardDetails card, Map<String, String> errors) {
	}

}
