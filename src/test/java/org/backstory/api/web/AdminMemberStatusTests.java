package org.backstory.api.web;

import org.backstory.billing.BillingStatus;
import org.backstory.billing.MemberBilling;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Ghost's member status for each of Backstory's billing standings. */
class AdminMemberStatusTests {

	@ParameterizedTest
	@CsvSource({ "FREE, free", "PAID, paid", "TRIALING, paid", "PAST_DUE, paid", "CANCELED, paid", "COMPED, comped",
			"GIFT, gift" })
	void eachStandingHasGhostsStatus(BillingStatus standing, String ghost) {
		assertThat(AdminMemberJson.status(new MemberBilling(standing, null, null, null))).isEqualTo(ghost);
	}

}
