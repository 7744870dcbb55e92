package org.backstory.billing.checkout;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.backstory.billing.BillingInterval;
import org.jspecify.annotations.Nullable;

/**
 * An offer: a landing page at {@code /offer/<code>} that leads to the checkout of one
 * plan and interval with a discount or a free trial applied.
 *
 * @param id row id
 * @param code the URL slug, lower case
 * @param title shown as the landing page's heading
 * @param description the landing page's text, plain; may be empty
 * @param planCode the plan it is for
 * @param interval the billing interval it is for
 * @param discount the coupon (of the same code) that holds a discount offer's terms; null
 * for a trial offer
 * @param trialDays the free days of a trial offer; null for a discount offer
 * @param archivedAt when staff archived it (its page then says it is no longer
 * available), or null
 * @param createdAt when it was created
 */
public record Offer(long id, String code, String title, String description, String planCode, BillingInterval interval,
		@Nullable Coupon discount, @Nullable Integer trialDays, @Nullable Instant archivedAt, Instant createdAt) {

	/**
	 * Stands for an offer code that no offer has: refused as no longer available, like an
	 * archived one.
	 */
	static Offer missing(String code) {
		return new Offer(0, code, "", "", "", BillingInterval.MONTH, null, null, Instant.EPOCH, Instant.EPOCH);
	}

	/**
	 * The code as offers are stored (lower case, without surrounding spaces); empty for a
	 * blank code or one too long to be any offer's.
	 */
	static Optional<String> slug(@Nullable String code) {
		String slug = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
		return slug.isEmpty() || slug.length() > 40 ? Optional.empty() : Optional.of(slug);
	}

	/** Whether readers can still take it. */
	public boolean active() {
		return archivedAt == null;
	}

	/** Whether checking out {@code planCode} at {@code interval} is what it is for. */
	boolean fits(String plan, BillingInterval billingInterval) {
		return planCode.equals(plan) && interval == billingInterval;
	}

}
