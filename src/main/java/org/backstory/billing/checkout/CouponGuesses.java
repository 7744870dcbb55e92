package org.backstory.billing.checkout;

import org.backstory.members.CodeGuessLimit;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Coupon codes typed at checkout, taken as guesses, so nobody can try codes until one
 * gives a discount: a code no coupon has counts against the member and their IP (members'
 * {@link CodeGuessLimit}); a code that names a coupon, usable or not, never counts. Past
 * the limit no typed code is checked at all, right or wrong, until the wait is over.
 */
@Service
public class CouponGuesses {

	/**
	 * The sentence a member sees in place of the coupon's verdict while guesses are
	 * refused.
	 */
	public static final String TOO_MANY = "Too many wrong coupon codes. Try again in a few minutes.";

	private final CodeGuessLimit limit;

	private final Offers offers;

	CouponGuesses(CodeGuessLimit limit, Offers offers) {
		this.limit = limit;
		this.offers = offers;
	}

	/**
	 * Counts {@code code} as a guess by the member from {@code ip} (a blank code is none)
	 * and tells whether it must be refused unchecked: true when the member or the IP has
	 * typed too many wrong codes lately.
	 */
	public boolean refused(long memberId, String ip, @Nullable String code) {
		if (code == null || code.isBlank()) {
			return false;
		}
		return limit.reserve(memberId, ip).map(guess -> {
			if (offers.coupon(code).isPresent()) {
				limit.right(guess);
			}
			return false;
		}).orElse(true);
	}

}
