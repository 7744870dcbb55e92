package org.backstory.newsletters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.backstory.members.MemberFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SuppressionsIntegrationTests {

	@Autowired
	Suppressions suppressions;

	@Test
	void oneHardFailureDoesNotSuppressButTheSecondDoes() {
		String address = MemberFixtures.uniqueEmail("hard");

		boolean afterFirst = suppressions.recordHardFailure(address, "550 mailbox unavailable");
		boolean suppressedAfterFirst = suppressions.isSuppressed(address);
		boolean afterSecond = suppressions.recordHardFailure(address.toUpperCase(), "550 mailbox unavailable");

		assertThat(afterFirst).isFalse();
		assertThat(suppressedAfterFirst).isFalse();
		assertThat(afterSecond).isTrue();
		Suppression suppression = suppressions.find(address).orElseThrow();
		assertThat(suppression.reason()).isEqualTo(SuppressionReason.HARD_FAILURES);
		assertThat(suppression.detail()).isEqualTo("550 mailbox unavailable");
	}

	@Test
	void liftingEndsTheSuppressionAndStartsTheFailureCountAfresh() {
		String address = MemberFixtures.uniqueEmail("lift");
		suppressions.recordHardFailure(address, "550");
		suppressions.recordHardFailure(address, "550");

		boolean lifted = suppressions.lift(address);
		boolean liftedAgain = suppressions.lift(address);

		assertThat(lifted).isTrue();
		assertThat(liftedAgain).isFalse();
		assertThat(suppressions.isSuppressed(address)).isFalse();
		assertThat(suppressions.recordHardFailure(address, "550")).as("one failure after lifting").isFalse();
	}

	@Test
	void aSecondReportKeepsTheFirstReason() {
		String address = MemberFixtures.uniqueEmail("second");
		suppressions.suppress(address, SuppressionReason.BOUNCE, "first");

		suppressions.suppress(address, SuppressionReason.COMPLAINT, "second");

		assertThat(suppressions.find(address).orElseThrow().detail()).isEqualTo("first");
	}

	@Test
	void suppressedAddressesAreFoundWhateverTheirCase() {
		String suppressed = MemberFixtures.uniqueEmail("Case");
		String other = MemberFixtures.uniqueEmail("other");
		suppressions.suppress(suppressed.toLowerCase(), SuppressionReason.BOUNCE, "");

		assertThat(suppressions.suppressedAmong(List.of(suppressed, other))).containsExactly(suppressed.toLowerCase());
	}

}
