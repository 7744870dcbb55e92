package org.backstory.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.backstory.access.AccessDecision.Remedy;
import org.backstory.publishing.Visibility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link AccessPolicy#decideAnonymous}: the anonymous meter, case by case. */
class AnonymousMeterPolicyTests {

	private static final long ARTICLE = 42;

	private final AccessPolicy policy = new AccessPolicy(Duration.ofDays(7));

	static Stream<Visibility> everyVisibility() {
		return Stream.of(Visibility.everyone(), Visibility.members(), Visibility.paid(),
				Visibility.tiers(Set.of("supporter")));
	}

	@ParameterizedTest
	@MethodSource("everyVisibility")
	void withTheMeterOffTheAnonymousDecisionStandsAndIsTheSameForEveryone(Visibility visibility) {
		AnonymousRead read = policy.decideAnonymous(visibility, ARTICLE, false, AnonymousMeter.OFF);

		assertThat(read.decision()).isEqualTo(policy.decide(visibility, Reader.anonymous()));
		assertThat(read.meter()).isEqualTo(MeterStatus.OFF);
		assertThat(read.personal()).isFalse();
		assertThat(read.readAfter()).isNull();
	}

	@ParameterizedTest
	@MethodSource("everyVisibility")
	void onlyPaidArticlesAreMetered(Visibility visibility) {
		AnonymousRead read = policy.decideAnonymous(visibility, ARTICLE, false, new AnonymousMeter(3, true, Set.of()));

		assertThat(read.personal()).isEqualTo(visibility.paidOnly());
		assertThat(read.decision().granted()).isEqualTo(visibility.paidOnly() || !visibility.gated());
	}

	@Test
	void withoutACookieAPaidArticleIsTheSamePreviewForEveryoneWithTheMetersOffer() {
		AnonymousRead read = policy.decideAnonymous(Visibility.paid(), ARTICLE, false,
				new AnonymousMeter(3, false, Set.of()));

		assertThat(read.decision()).isEqualTo(AccessDecision.refused(Remedy.SUBSCRIBE_OR_LOG_IN));
		assertThat(read.meter()).isEqualTo(new MeterStatus(3, 3, false));
		assertThat(read.personal()).isFalse();
		assertThat(read.readAfter()).isNull();
	}

	@Test
	void aFreshMeterLetsThePaidArticleThroughAndCountsIt() {
		AnonymousRead read = policy.decideAnonymous(Visibility.paid(), ARTICLE, false,
				new AnonymousMeter(3, true, Set.of()));

		assertThat(read.decision().granted()).isTrue();
		assertThat(read.meter()).isEqualTo(new MeterStatus(3, 2, true));
		assertThat(read.meter().anonymousNotice()).isEqualTo("2 of 3 free articles left this month.");
		assertThat(read.personal()).isTrue();
		assertThat(read.readAfter()).containsExactly(ARTICLE);
	}

	@Test
	void readingAnArticleAgainIsFreeAndLeavesTheCookieAlone() {
		AnonymousRead read = policy.decideAnonymous(Visibility.paid(), ARTICLE, false,
				new AnonymousMeter(2, true, Set.of(7L, ARTICLE)));

		assertThat(read.decision().granted()).isTrue();
		assertThat(read.meter()).isEqualTo(new MeterStatus(2, 0, true));
		assertThat(read.personal()).isTrue();
		assertThat(read.readAfter()).isNull();
	}

	@Test
	void theReadAfterTheAllowanceMeetsTheRegistrationWall() {
		AnonymousRead read = policy.decideAnonymous(Visibility.paid(), ARTICLE, false,
				new AnonymousMeter(2, true, Set.of(7L, 8L)));

		assertThat(read.decision()).isEqualTo(AccessDecision.refused(Remedy.REGISTER));
		assertThat(read.personal()).isTrue();
		assertThat(read.readAfter()).isNull();
	}

	@Test
	void anAllowanceLoweredBelowWhatWasReadStillMeetsTheWallAndNeverCountsBelowZero() {
		AnonymousRead again = policy.decideAnonymous(Visibility.paid(), ARTICLE, false,
				new AnonymousMeter(1, true, Set.of(7L, ARTICLE)));
		AnonymousRead other = policy.decideAnonymous(Visibility.paid(), 9, false,
				new AnonymousMeter(1, true, Set.of(7L, 8L)));

		assertThat(again.meter().remaining()).isZero();
		assertThat(other.decision().remedy()).isEqualTo(Remedy.REGISTER);
	}

	static Stream<AnonymousMeter> everyMeter() {
		return Stream.of(AnonymousMeter.OFF, new AnonymousMeter(3, false, Set.of()),
				new AnonymousMeter(3, true, Set.of()), new AnonymousMeter(3, true, Set.of(ARTICLE)),
				new AnonymousMeter(2, true, Set.of(7L, 8L)));
	}

	@ParameterizedTest
	@MethodSource("everyMeter")
	void anExemptPaidArticleIsTheSubscribeBoxForEveryoneWhateverTheMeter(AnonymousMeter meter) {
		for (Visibility visibility : List.of(Visibility.paid(), Visibility.tiers(Set.of("supporter")))) {
			AnonymousRead read = policy.decideAnonymous(visibility, ARTICLE, true, meter);

			assertThat(read.decision()).isEqualTo(AccessDecision.refused(Remedy.SUBSCRIBE_OR_LOG_IN));
			assertThat(read.meter()).isEqualTo(MeterStatus.OFF);
			assertThat(read.personal()).isFalse();
			assertThat(read.readAfter()).isNull();
		}
	}

}
