package org.backstory.billing.web;

import org.jspecify.annotations.Nullable;

/**
 * The code in the checkout's coupon field and whether it may be checked.
 *
 * @param code the typed code without surrounding spaces, or null when none was typed
 * @param refused true when the member has typed too many wrong codes lately, so this one
 * goes unchecked
 */
record TypedCoupon(@Nullable String code, boolean refused) {

	static TypedCoupon of(@Nullable String typed, boolean refused) {
		return new TypedCoupon(typed == null || typed.isBlank() ? null : typed.strip(), refused);
	}

	/** The code to check, or null when there is none or it may not be checked. */
	@Nullable String checked() {
		return refused ? null : code;
	}

}
