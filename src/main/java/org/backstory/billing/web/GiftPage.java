package org.backstory.billing.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The gift page's frame around the form.
 *
 * @param plans the plans that can be given
 * @param attemptId this gift form; submitting it twice charges once
 * @param message a problem with the payment as a whole (decline, no answer), or null
 */
public record GiftPage(List<GiftPlanOption> plans, String attemptId, @Nullable String message) {

	/** One plan to choose, e.g. {@code Supporter, $5.00 a month}. */
	public record GiftPlanOption(String code, String label) {
	}

}
