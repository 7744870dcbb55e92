package org.backstory.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.backstory.access.AccessDecision.Remedy;
import org.backstory.publishing.Visibility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The paywall box under an emailed preview. */
class EmailPaywallBoxTests {

	@ParameterizedTest
	@EnumSource(value = Remedy.class)
	void alwaysOffersALogInBesidesTheRemedy(Remedy remedy) {
		PaywallBox box = PaywallBoxes.forEmail(remedy, ArticleFixtures.article(7, Visibility.paid()));

		assertThat(box.remedy()).isEqualTo(remedy);
		assertThat(box.secondary()).isNotNull();
		assertThat(box.secondary().href()).startsWith("/login?next=%2Fp%2Farticle-7");
	}

	@ParameterizedTest
	@EnumSource(value = Remedy.class)
	void anEmailOnlyArticleSendsNobodyBackToAPageItDoesNotHave(Remedy remedy) {
		PaywallBox box = PaywallBoxes.forEmail(remedy, ArticleFixtures.emailOnly(8, Visibility.paid()));

		assertThat(box.primary().href()).doesNotContain("next=");
		assertThat(box.secondary().href()).isEqualTo("/login");
	}

	@ParameterizedTest
	@EnumSource(value = Remedy.class, names = { "SUBSCRIBE", "SUBSCRIBE_OR_LOG_IN" })
	void addressesAFreeMemberAsAnyReaderBecauseMailIsForwarded(Remedy remedy) {
		PaywallBox box = PaywallBoxes.forEmail(remedy, ArticleFixtures.article(9, Visibility.paid()));

		assertThat(box.message()).doesNotContain("signed in");
		assertThat(box.primary().href()).startsWith("/subscribe");
	}

}
