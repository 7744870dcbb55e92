package org.backstory.billing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.backstory.billing.BillingArchive.ArchivedEvent;
import org.backstory.billing.BillingArchive.ArchivedPayment;
import org.backstory.billing.BillingArchive.ArchivedSubscription;

/**
 * What a restored row must be for billing to take it, said as sentences for the dry run:
 * the tables' checks, and the few things a restore cannot honour (a payment still waiting
 * for the gateway's answer). A row that passes is written without a constraint refusing
 * it, so a restore never fails half-way.
 */
final class RestoreRules {

	private static final Set<String> STATUSES = Set
		.copyOf(Arrays.stream(SubscriptionStatus.values()).map(SubscriptionStatus::code).toList());

	private static final Set<String> PURPOSES = Set.of("checkout", "renewal", "plan_change", "gift", "invoice",
			"seats");

	private static final Set<String> KINDS = Set.of("paid", "comp", "gift");

	private RestoreRules() {
	}

	static List<String> problems(ArchivedSubscription s) {
		List<String> problems = new ArrayList<>();
		if (!STATUSES.contains(s.status())) {
			problems.add("status \"" + s.status() + "\" is not one of "
					+ String.join(", ", STATUSES.stream().sorted().toList()));
		}
		if (s.interval() != null && BillingInterval.fromCode(s.interval()).isEmpty()) {
			problems.add("interval must be month or year, not \"" + s.interval() + "\"");
		}
		if (s.tier().isBlank()) {
			problems.add("tier is empty");
		}
		if (!s.comped() && (s.plan() == null || s.interval() == null || s.price() == null || s.currency() == null)) {
			problems.add("a subscription that is not comped needs plan, interval, price_amount and currency");
		}
		if (s.price() != null && s.price() <= 0) {
			problems.add("price_amount must be more than 0");
		}
		if (s.currency() != null && !s.currency().matches("[A-Z]{3}")) {
			problems.add("currency must be three capital letters, not \"" + s.currency() + "\"");
		}
		if (!s.comped() && !s.status().startsWith("incomplete") && s.currentPeriodEnd() == null) {
			problems.add("a " + s.status() + " subscription needs current_period_end");
		}
		if (s.currentPeriodEnd() != null && !s.currentPeriodEnd().isAfter(s.currentPeriodStart())) {
			problems.add("current_period_end must be after current_period_start");
		}
		if (s.status().equals("past_due") && s.comped()) {
			problems.add("a comp cannot be past_due");
		}
		if (s.percentOff() != null && (s.percentOff() < 1 || s.percentOff() > 100)) {
			problems.add("percent_off must be between 1 and 100");
		}
		if (s.amountOff() != null && s.amountOff() <= 0) {
			problems.add("amount_off must be more than 0");
		}
		if (s.percentOff() != null && s.amountOff() != null) {
			problems.add("percent_off and amount_off cannot both be set");
		}
		if ((s.percentOff() != null || s.amountOff() != null) && s.couponId() == null) {
			problems.add("a discount needs the coupon_id it came from");
		}
		return problems;
	}

	static List<String> problems(ArchivedPayment p) {
		List<String> problems = new ArrayList<>();
		if (!PURPOSES.contains(p.purpose())) {
			problems.add("purpose \"" + p.purpose()
					+ "\" is not one of checkout, gift, invoice, plan_change, renewal, seats");
		}
		if (p.status().equals("pending")) {
			problems.add(
					"a pending payment cannot be restored: its answer from the gateway is still to come; let it settle on the old site and export again");
		}
		else if (!p.status().equals("succeeded") && !p.status().equals("failed")) {
			problems.add("status \"" + p.status() + "\" is not one of succeeded, failed");
		}
		else if (p.settledAt() == null) {
			problems.add("a " + p.status() + " payment needs settled_at");
		}
		if (p.amount() <= 0) {
			problems.add("amount must be more than 0");
		}
		if (p.discountAmount() < 0 || p.creditApplied() < 0 || p.refundedAmount() < 0) {
			problems.add("discount_amount, credit_applied and refunded_amount cannot be negative");
		}
		if (p.refundedAmount() > p.amount()) {
			problems.add("refunded_amount is more than amount");
		}
		if ((p.refundedAmount() > 0) != (p.refundedAt() != null)) {
			problems.add("refunded_at is set for, and only for, a refunded payment");
		}
		if (p.refundedAmount() > 0 && !p.status().equals("succeeded")) {
			problems.add("only a succeeded payment can have been refunded");
		}
		if (!p.currency().matches("[A-Z]{3}")) {
			problems.add("currency must be three capital letters, not \"" + p.currency() + "\"");
		}
		if (p.gateway().isBlank()) {
			problems.add("gateway is empty");
		}
		return problems;
	}

	static List<String> problems(ArchivedEvent e) {
		List<String> problems = new ArrayList<>();
		if (!STATUSES.contains(e.toStatus()) || (e.fromStatus() != null && !STATUSES.contains(e.fromStatus()))) {
			problems.add("from_status and to_status must be subscription statuses");
		}
		if (!KINDS.contains(e.kind())) {
			problems.add("kind \"" + e.kind() + "\" is not one of comp, gift, paid");
		}
		if (e.cause().isBlank() || e.actor().isBlank()) {
			problems.add("cause and actor are required");
		}
		return problems;
	}

}
