package org.backstory.billing.web;

import org.backstory.billing.group.GroupView;
import org.backstory.billing.group.SeatHolding;
import org.backstory.billing.payment.CardOnFile;
import org.jspecify.annotations.Nullable;

/**
 * The account overview.
 *
 * @param name the member's name
 * @param email the member's sign-in address
 * @param emailVerified whether the member has confirmed the address
 * @param plan the member's plan, or null for a free member
 * @param endedOn when the member's last subscription ended, if it did and there is none
 * now
 * @param card the card on file, or null
 * @param hasPayments whether there is a billing history to link to
 * @param feedUrl the member's private feed address, whose token is their secret
 * @param group the group the member manages (their subscription's seats), or null
 * @param seat the group whose seat the member holds, or null
 */
public record AccountPage(String name, String email, boolean emailVerified, @Nullable AccountPlan plan,
		@Nullable String endedOn, @Nullable CardOnFile card, boolean hasPayments, String feedUrl,
		@Nullable GroupView group, @Nullable SeatHolding seat) {

	/**
	 * Whether the page offers a change of plan: not for a group, whose price covers its
	 * seats.
	 */
	public boolean planChangeable() {
		return plan != null && plan.changeable() && group == null;
	}

}
