package org.backstory.billing.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.backstory.billing.BillingInterval;
import org.backstory.billing.Entitlement.Status;
import org.backstory.billing.Entitlement;
import org.backstory.billing.SubscriptionStatus;
import org.backstory.billing.payment.Discount;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What each subscription state tells the access policy. */
class SubscriptionTests {

	private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");

	private static final Instant END = Instant.parse("2026-12-01T00:00:00Z");

	private static final Instant FAILED_AT = Instant.parse("2026-12-01T06:00:00Z");

	@ParameterizedTest
	@CsvSource({ "TRIALING, false, TRIALING", "ACTIVE, false, ACTIVE", "CANCELED, false, CANCELED",
			"EXPIRED, false, EXPIRED", "ACTIVE, true, COMPED", "EXPIRED, true, EXPIRED" })
	void reportsTheStatusTierAndPaidThrough(SubscriptionStatus status, boolean comped, Status expected) {
		Entitlement entitlement = subscription(status, comped, END, null).entitlement();

		assertThat(entitlement).isEqualTo(new Entitlement(expected, "paid", END, null));
	}

	@Test
	void pastDueCarriesWhenTheChargeFailed() {
		assertThat(subscription(SubscriptionStatus.PAST_DUE, false, END, FAILED_AT).entitlement())
			.isEqualTo(new Entitlement(Status.PAST_DUE, "paid", END, FAILED_AT));
	}

	@ParameterizedTest
	@CsvSource({ "INCOMPLETE", "INCOMPLETE_EXPIRED" })
	void anUnfinishedCheckoutGrantsNothing(SubscriptionStatus status) {
		assertThat(subscription(status, false, null, null).entitlement()).isEqualTo(Entitlement.none());
	}

	@Test
	void aCompWithoutEndHasNoPaidThrough() {
		assertThat(subscription(SubscriptionStatus.ACTIVE, true, null, null).entitlement())
			.isEqualTo(new Entitlement(Status.COMPED, "paid", null, null));
	}

	@Test
	void anInvoicedLicenceIsSettledByInvoiceAndASeatByItsGroupsManager() {
		Subscription licence = new Subscription(1, 2, 3L, "team", "Team", "paid", BillingInterval.YEAR, 50_000L, "USD",
				SubscriptionStatus.PAST_DUE, false, START, END, FAILED_AT, null, null, Discount.NONE, 10, true);

		assertThat(licence.entitlement())
			.isEqualTo(new Entitlement(Status.PAST_DUE, "paid", END, FAILED_AT, Entitlement.Payment.INVOICE));
		assertThat(subscription(SubscriptionStatus.PAST_DUE, false, END, FAILED_AT).entitlement().throughSeat())
			.isEqualTo(new Entitlement(Status.PAST_DUE, "paid", END, FAILED_AT, Entitlement.Payment.SEAT));
	}

	private static Subscription subscription(SubscriptionStatus status, boolean comped, @Nullable Instant end,
			@Nullable Instant pastDueSince) {
		return new Subscription(1, 2, comped ? null : 3L, comped ? null : "supporter", comped ? null : "Supporter",
				"paid", comped ? null : BillingInterval.MONTH, comped ? null : 500L, comped ? null : "USD", status,
				comped, START, end, pastDueSince, null, null, Discount.NONE, null, false);
	}

}
