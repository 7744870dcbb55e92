package org.backstory.billing.gift;

import org.jspecify.annotations.Nullable;

/**
 * A bought gift as its redeem page shows it.
 *
 * @param planName the plan given
 * @param months how many months
 * @param from the buyer's name, or null once the buyer has been forgotten
 * @param message the buyer's note, possibly empty
 * @param redeemed whether it has been redeemed
 */
public record GiftView(String planName, int months, @Nullable String from, String message, boolean redeemed) {
}
