package org.backstory.billing.web;

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
 */
public record AccountPage(String name, String email, boolean emailVerified, @Nullable AccountPlan plan,
		@Nullable String endedOn, @Nullable CardOnFile card, boolean hasPayments, String feedUrl) {
}
