package org.backstory.billing.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.backstory.billing.BillingInterval;
import org.backstory.billing.checkout.NewCoupon;
import org.backstory.billing.checkout.NewOffer;
import org.jspecify.annotations.Nullable;

/**
 * The new-offer form on the offers page, as typed. A discount's fields are the coupon
 * form's, checked by it (an offer's discount is a coupon of its code).
 *
 * @param code the URL slug, e.g. {@code spring-sale}
 * @param title the landing page's heading
 * @param description the landing page's text
 * @param plan the code of the plan it is for
 * @param interval {@code month} or {@code year}
 * @param kind {@code percent}, {@code amount} or {@code trial}
 * @param percentOff whole percent, for {@code percent}
 * @param amountOff in major units, for {@code amount}
 * @param currency ISO 4217 code of the amount
 * @param duration {@code once}, {@code repeating} or {@code forever}, for a discount
 * @param durationMonths for {@code repeating}
 * @param trialDays free days, for {@code trial}
 */
public record OfferForm(@Nullable String code, @Nullable String title, @Nullable String description,
		@Nullable String plan, @Nullable String interval, @Nullable String kind, @Nullable String percentOff,
		@Nullable String amountOff, @Nullable String currency, @Nullable String duration,
		@Nullable String durationMonths, @Nullable String trialDays) {

	static OfferForm empty() {
		return new OfferForm(null, null, null, null, "month", "percent", null, null, "USD", "once", null, null);
	}

	/** The offer to create, or what to fix, by field ({@code form} for the whole). */
	Checked check() {
		Map<String, String> errors = new LinkedHashMap<>();
		String slug = text(code).toLowerCase(Locale.ROOT);
		BillingInterval billing = BillingInterval.fromCode(text(interval)).orElse(null);
		if (billing == null) {
			errors.put("interval", "Choose monthly or yearly.");
		}
		if (!slug.matches("[a-z0-9][a-z0-9-]{0,39}")) {
			errors.put("code", "The code must be 1 to 40 letters, digits or dashes, starting with a letter or digit.");
		}
		if (text(title).isEmpty() || text(title).length() > 80) {
			errors.put("title", "The title must be 1 to 80 characters.");
		}
		if (text(plan).isEmpty()) {
			errors.put("plan", "Choose the plan the offer is for.");
		}
		NewCoupon discount = null;
		Integer days = null;
		if ("trial".equals(kind)) {
			try {
				days = Integer.valueOf(text(trialDays));
			}
			catch (NumberFormatException ex) {
				errors.put("trialDays", "Enter the free days as a whole number.");
			}
		}
		else if (errors.isEmpty()) {
			CouponForm.Checked terms = new CouponForm(slug, text(title), kind, percentOff, amountOff, currency,
					duration, durationMonths, null, null, text(plan))
				.check();
			errors.putAll(terms.errors());
			discount = terms.coupon();
		}
		if (!errors.isEmpty() || billing == null) {
			return new Checked(null, errors);
		}
		try {
			return new Checked(new NewOffer(slug, text(title), text(description), text(plan), billing, discount, days),
					errors);
		}
		catch (IllegalArgumentException ex) {
			errors.put("form", ex.getMessage());
			return new Checked(null, errors);
		}
	}

	private static String text(@Nullable String value) {
		return value == null ? "" : value.strip();
	}

	/** The outcome of {@link #check}: an offer when there are no errors. */
	record Checked(@Nullable NewOffer offer, Map<String, String> errors) {
	}

}
