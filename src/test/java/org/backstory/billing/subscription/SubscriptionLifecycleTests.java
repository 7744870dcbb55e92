package org.backstory.billing.subscription;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.backstory.billing.SubscriptionStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every happening against every status: the allowed ones lead where the table says, the
 * rest are refused.
 */
class SubscriptionLifecycleTests {

	/** happening, from, to: written out by hand, not derived from the enum. */
	private static final String[][] ALLOWED = { { "CHECKOUT_PAID", "INCOMPLETE", "ACTIVE" },
			{ "TRIAL_STARTED", "INCOMPLETE", "TRIALING" }, { "CHECKOUT_ABANDONED", "INCOMPLETE", "INCOMPLETE_EXPIRED" },
			{ "RENEWAL_PAID", "TRIALING", "ACTIVE" }, { "RENEWAL_PAID", "ACTIVE", "ACTIVE" },
			{ "RENEWAL_PAID", "PAST_DUE", "ACTIVE" }, { "RENEWAL_DECLINED", "TRIALING", "PAST_DUE" },
			{ "RENEWAL_DECLINED", "ACTIVE", "PAST_DUE" }, { "RENEWAL_DECLINED", "PAST_DUE", "PAST_DUE" },
			{ "RETRIES_EXHAUSTED", "PAST_DUE", "EXPIRED" }, { "MEMBER_CANCELS", "TRIALING", "CANCELED" },
			{ "MEMBER_CANCELS", "ACTIVE", "CANCELED" }, { "MEMBER_CANCELS_UNPAID", "PAST_DUE", "EXPIRED" },
			{ "RESUMED", "CANCELED", "ACTIVE" }, { "RESUMED_TRIAL", "CANCELED", "TRIALING" },
			{ "PERIOD_ENDED", "CANCELED", "EXPIRED" }, { "PERIOD_ENDED", "ACTIVE", "EXPIRED" },
			{ "STAFF_CANCELS", "TRIALING", "EXPIRED" }, { "STAFF_CANCELS", "ACTIVE", "EXPIRED" },
			{ "STAFF_CANCELS", "PAST_DUE", "EXPIRED" }, { "STAFF_CANCELS", "CANCELED", "EXPIRED" },
			{ "PLAN_CHANGED", "TRIALING", "TRIALING" }, { "PLAN_CHANGED", "ACTIVE", "ACTIVE" }, };

	@Test
	void everyHappeningInEveryStatusLeadsWhereTheTableSays() {
		Map<String, SubscriptionStatus> expected = new HashMap<>();
		for (String[] row : ALLOWED) {
			expected.put(row[0] + "/" + row[1], SubscriptionStatus.valueOf(row[2]));
		}
		int checked = 0;
		for (SubscriptionLifecycle happening : SubscriptionLifecycle.values()) {
			for (SubscriptionStatus status : SubscriptionStatus.values()) {
				SubscriptionStatus to = expected.get(happening + "/" + status);
				assertThat(happening.from(status)).as("%s from %s", happening, status)
					.isEqualTo(Optional.ofNullable(to));
				checked++;
			}
		}
		assertThat(checked).isEqualTo(SubscriptionLifecycle.values().length * SubscriptionStatus.values().length);
	}

	@Test
	void refusalsSayWhyInWordsForTheMember() {
		assertThatThrownBy(() -> SubscriptionLifecycle.MEMBER_CANCELS.require(SubscriptionStatus.CANCELED))
			.isInstanceOf(SubscriptionChangeRefused.class)
			.hasMessage("Your subscription is already canceled.");
		assertThatThrownBy(() -> SubscriptionLifecycle.RESUMED.require(SubscriptionStatus.ACTIVE))
			.hasMessage("Your subscription is not canceled.");
		assertThatThrownBy(() -> SubscriptionLifecycle.PLAN_CHANGED.require(SubscriptionStatus.PAST_DUE))
			.hasMessage("Update your card on file before changing your plan.");
		assertThatThrownBy(() -> SubscriptionLifecycle.MEMBER_CANCELS.require(SubscriptionStatus.EXPIRED))
			.hasMessage("Your subscription has ended.");
	}

}
