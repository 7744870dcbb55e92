package org.backstory.billing.payment;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * A card as the reader typed it, on its way to the gateway to be turned into a token. It
 * is never stored, and {@link #toString()} shows only the last four digits so it cannot
 * leak into a log.
 *
 * @param number the digits only, without spaces
 * @param expMonth 1 to 12
 * @param expYear four digits
 * @param cvc three or four digits
 * @param nameOnCard the cardholder's name
 */
public record CardDetails(String number, int expMonth, int expYear, String cvc,
		String nameOnCard) implements CheckoutCard {

	/** The last four digits, the only part of the number that may be kept or shown. */
	public String last4() {
		return number.length() < 4 ? number : number.substring(number.length() - 4);
	}

	/**
	 * Whether the number is 12 to 19 digits and passes the Luhn checksum every card
	 * number carries.
	 */
	public boolean numberLooksValid() {
		return isPlausibleNumber(number);
	}

	/**
	 * Whether {@code digits} is 12 to 19 digits passing the Luhn checksum, i.e. could be
	 * a card number.
	 */
	public static boolean isPlausibleNumber(String digits) {
		return digits.matches("[0-9]{12,19}") && passesLuhn(digits);
	}

	/**
	 * Whether the card is past its expiry month: a card is good through the last day of
	 * that month.
	 */
	public boolean expiredAt(Clock clock) {
		return YearMonth.of(expYear, expMonth).isBefore(YearMonth.now(clock.withZone(ZoneOffset.UTC)));
	}

	/** Whether the card verification code is three or four digits. */
	public boolean cvcLooksValid() {
		return cvc.matches("[0-9]{3,4}");
	}

	@Override
	public String toString() {
		return "CardDetails[number=****" + last4() + ", expiry=" + expMonth + "/" + expYear + "]";
	}

	private static boolean passesLuhn(String digits) {
		int sum = 0;
		boolean doubled = false;
		for (int i = digits.length() - 1; i >= 0; i--) {
			int digit = digits.charAt(i) - '0';
			if (doubled) {
				digit *= 2;
				if (digit > 9) {
					digit -= 9;
				}
			}
			sum += digit;
			doubled = !doubled;
		}
		return sum % 10 == 0;
	}

}
