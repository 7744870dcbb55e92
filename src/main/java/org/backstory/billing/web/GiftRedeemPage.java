package org.backstory.billing.web;

import org.backstory.billing.gift.GiftView;
import org.jspecify.annotations.Nullable;

/**
 * The page behind a gift's redeem link.
 *
 * @param gift the gift, or null when the link leads to none
 * @param what e.g. {@code 3 months of Supporter}
 * @param problem why it cannot be redeemed (already redeemed, already subscribed, no such
 * gift), or null
 * @param action where the redeem button posts
 * @param signedIn whether a member is signed in; otherwise the page offers to log in or
 * sign up first
 * @param loginHref the login page, coming back here
 * @param signupHref the sign-up page, coming back here
 */
public record GiftRedeemPage(@Nullable GiftView gift, String what, @Nullable String problem, String action,
		boolean signedIn, String loginHref, String signupHref) {
}
