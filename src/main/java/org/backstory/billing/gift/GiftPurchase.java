package org.backstory.billing.gift;

import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.backstory.billing.payment.CheckoutCard;
import org.jspecify.annotations.Nullable;

/**
 * A signed-in member's order of a gift subscription: some months of a plan for someone's
 * email address, paid by card. The constructor rejects values that cannot be stored, with
 * a sentence saying which.
 *
 * @param buyerId who pays
 * @param buyerEmail their address, for the gateway's customer record
 * @param buyerName how the gift is signed in the recipient's mail
 * @param planCode the plan given
 * @param months 1, 3, 6 or 12; the price is the plan's monthly price times this
 * @param recipientEmail where the redeem link goes
 * @param message a note for the recipient, at most 500 characters, or null
 * @param attemptId identifies this gift form: submitting it again never charges twice
 * @param card what the buyer typed, or the setup in which they entered it on the
 * gateway's page
 */
public record GiftPurchase(long buyerId, String buyerEmail, String buyerName, String planCode, int months,
		String recipientEmail, @Nullable String message, UUID attemptId, CheckoutCard card) {

	/** The lengths of gift on offer. */
	public static final Set<Integer> MONTHS = Set.of(1, 3, 6, 12);

	/** The longest message to the recipient. */
	public static final int MAX_MESSAGE = 500;

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	public GiftPurchase {
		if (!MONTHS.contains(months)) {
			throw new IllegalArgumentException("A gift is for 1, 3, 6 or 12 months.");
		}
		if (!isEmail(recipientEmail)) {
			throw new IllegalArgumentException("Enter the recipient's email address.");
		}
		if (message != null && message.length() > MAX_MESSAGE) {
			throw new IllegalArgumentException("The message can be at most " + MAX_MESSAGE + " characters.");
		}
	}

	/** Whether {@code address} looks like one email address that fits the column. */
	public static boolean isEmail(String address) {
		return address.length() <= 254 && EMAIL.matcher(address).matches();
	}

	/**
	 * The key the charge is made with, scoped to the buyer so one member cannot reuse
	 * another's.
	 */
	String idempotencyKey() {
		return "gift-" + buyerId + "-" + attemptId;
	}

}
