package org.backstory.admin.members.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A member's staff page.
 *
 * @param reader whether the account is a reader's (staff accounts are not deleted here)
 * @param status the billing status, e.g. {@code Paid}
 * @param plan the plan or comped tier, or null for a free member
 * @param canChange whether the viewer may change the member (administrators): forms are
 * shown only then
 * @param cancelable whether there is a subscription staff may end now
 * @param compTiers the tiers a comp may give
 * @param lastSeen the day the member was last seen (at most one write a day)
 * @param activity the member's latest activity, newest first
 * @param activityTruncated whether older activity was left out
 * @param newsletterEngagement their newsletter messages delivered, opened and clicked, in
 * a sentence
 */
public record MemberPageView(long id, String name, String email, boolean verified, String joined, String lastSeen,
		String role, boolean reader, String note, List<String> labels, String status, @Nullable String plan,
		List<EventRow> events, List<PaymentRow> payments, List<String> newsletters, List<MailRow> emails,
		boolean canChange, boolean cancelable, List<String> compTiers, List<ActivityRow> activity,
		boolean activityTruncated, String newsletterEngagement) {

	/**
	 * A subscription event: when, what changed, why and by whom, and the amount if any.
	 */
	public record EventRow(String at, String change, String cause, String actor, String amount) {
	}

	/**
	 * A payment, with what may still be refunded.
	 *
	 * @param refundable in minor units; 0 when nothing can be
	 * @param refundableText the same as the refund form's amount, e.g. {@code 5.00}
	 * @param attempt a fresh attempt id for the refund form
	 */
	public record PaymentRow(long id, String date, String description, String amount, String status, String refunded,
			long refundable, String refundableText, String attempt) {
	}

	/** A message sent to the member: a transactional mail or a newsletter. */
	public record MailRow(String at, String kind, String subject, String status) {
	}

}
