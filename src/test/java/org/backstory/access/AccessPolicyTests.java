package org.backstory.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.backstory.access.AccessDecision.Remedy;
import org.backstory.billing.Entitlement;
import org.backstory.billing.Entitlement.Status;
import org.backstory.members.MemberRole;
import org.backstory.publishing.Visibility;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every reader state against every visibility: who reads the whole article, and what the
 * others are offered.
 */
class AccessPolicyTests {

	static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

	static final Duration GRACE = Duration.ofDays(7);

	final AccessPolicy policy = new AccessPolicy(GRACE);

	static final Visibility PUBLIC = Visibility.everyone();

	static final Visibility MEMBERS = Visibility.members();

	static final Visibility PAID = Visibility.paid();

	static final Visibility SUPPORTER_TIER = Visibility.tiers(Set.of("supporter"));

	static final Visibility PATRON_TIER = Visibility.tiers(Set.of("patron"));

	/**
	 * Expected outcome per state: columns PUBLIC, MEMBERS, PAID, tier the reader has,
	 * another tier.
	 */
	static Stream<Arguments> table() {
		Object[][] rows = {
				{ ReaderState.ANONYMOUS, null, null, Remedy.SIGN_UP, Remedy.SUBSCRIBE_OR_LOG_IN,
						Remedy.SUBSCRIBE_OR_LOG_IN, Remedy.SUBSCRIBE_OR_LOG_IN },
				{ ReaderState.FREE, null, null, null, Remedy.SUBSCRIBE, Remedy.SUBSCRIBE, Remedy.SUBSCRIBE },
				{ ReaderState.PAID_ACTIVE, "supporter", null, null, null, null, Remedy.UPGRADE },
				{ ReaderState.TRIALING, "supporter", null, null, null, null, Remedy.UPGRADE },
				{ ReaderState.PAST_DUE_IN_GRACE, "supporter", null, null, null, null, Remedy.UPGRADE },
				{ ReaderState.PAST_DUE_BEYOND_GRACE, "supporter", null, null, Remedy.UPDATE_CARD, Remedy.UPDATE_CARD,
						Remedy.UPDATE_CARD },
				{ ReaderState.CANCELED_IN_PERIOD, "supporter", null, null, null, null, Remedy.UPGRADE },
				{ ReaderState.EXPIRED, "supporter", null, null, Remedy.RENEW, Remedy.RENEW, Remedy.RENEW },
				{ ReaderState.COMPED, "supporter", null, null, null, null, Remedy.UPGRADE },
				{ ReaderState.STAFF, null, null, null, null, null, null },
				{ ReaderState.VERIFIED_CRAWLER, null, null, null, null, null, null },
				{ ReaderState.GIFTED, null, null, null, null, null, null }, };
		Visibility[] columns = { PUBLIC, MEMBERS, PAID, SUPPORTER_TIER, PATRON_TIER };
		List<Arguments> cases = new ArrayList<>();
		for (Object[] row : rows) {
			for (int column = 0; column < columns.length; column++) {
				cases.add(Arguments.of(row[0], row[1], columns[column], row[column + 2]));
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} reading {2}: {3}")
	@MethodSource("table")
	void decidesEveryStateAgainstEveryVisibility(ReaderState state, @Nullable String tier, Visibility visibility,
			@Nullable Remedy expectedRemedy) {
		AccessDecision decision = policy.decide(visibility, new Reader(state, tier));

		assertThat(decision.granted()).isEqualTo(expectedRemedy == null);
		assertThat(decision.remedy()).isEqualTo(expectedRemedy);
	}

	/**
	 * Search matches a gated article's whole text exactly when the page would show it
	 * whole: the reach agrees with the decision for every state in the table, and for an
	 * article open to several tiers.
	 */
	@ParameterizedTest(name = "{0} searching {2}")
	@MethodSource("table")
	void searchReachesTheWholeTextExactlyWhereTheReaderMayReadIt(ReaderState state, @Nullable String tier,
			Visibility visibility, @Nullable Remedy expectedRemedy) {
		Reader reader = new Reader(state, tier);
		Visibility bothTiers = Visibility.tiers(Set.of("supporter", "patron"));

		assertThat(policy.searchReach(reader).wholeText(visibility)).isEqualTo(expectedRemedy == null);
		assertThat(policy.searchReach(reader).wholeText(bothTiers))
			.isEqualTo(policy.decide(bothTiers, reader).granted());
	}

	@Test
	void coversEveryReaderState() {
		assertThat(table().map(arguments -> arguments.get()[0]).distinct())
			.containsExactlyInAnyOrder(ReaderState.values());
	}

	static Stream<Arguments> entitlements() {
		Instant nextMonth = NOW.plus(Duration.ofDays(30));
		Instant lastMonth = NOW.minus(Duration.ofDays(30));
		return Stream.of(Arguments.of(Entitlement.none(), ReaderState.FREE),
				Arguments.of(entitlement(Status.ACTIVE, nextMonth, null), ReaderState.PAID_ACTIVE),
				Arguments.of(entitlement(Status.TRIALING, nextMonth, null), ReaderState.TRIALING),
				Arguments.of(entitlement(Status.TRIALING, lastMonth, null), ReaderState.EXPIRED),
				Arguments.of(entitlement(Status.PAST_DUE, NOW, NOW.minus(Duration.ofDays(6))),
						ReaderState.PAST_DUE_IN_GRACE),
				Arguments.of(entitlement(Status.PAST_DUE, lastMonth, NOW.minus(Duration.ofDays(7))),
						ReaderState.PAST_DUE_BEYOND_GRACE),
				Arguments.of(entitlement(Status.PAST_DUE, NOW.minus(Duration.ofDays(3)), null),
						ReaderState.PAST_DUE_IN_GRACE),
				Arguments.of(entitlement(Status.PAST_DUE, null, null), ReaderState.PAST_DUE_BEYOND_GRACE),
				Arguments.of(entitlement(Status.CANCELED, nextMonth, null), ReaderState.CANCELED_IN_PERIOD),
				Arguments.of(entitlement(Status.CANCELED, NOW, null), ReaderState.EXPIRED),
				Arguments.of(entitlement(Status.EXPIRED, lastMonth, null), ReaderState.EXPIRED),
				Arguments.of(entitlement(Status.COMPED, null, null), ReaderState.COMPED),
				Arguments.of(entitlement(Status.COMPED, nextMonth, null), ReaderState.COMPED),
				Arguments.of(entitlement(Status.COMPED, lastMonth, null), ReaderState.EXPIRED));
	}

	@ParameterizedTest(name = "{0} is {1}")
	@MethodSource("entitlements")
	void classifiesEntitlementsAtAMoment(Entitlement entitlement, ReaderState expected) {
		Reader reader = policy.classify(entitlement, NOW);

		assertThat(reader.state()).isEqualTo(expected);
		assertThat(reader.tier()).isEqualTo(entitlement.tier());
	}

	/**
	 * Every role against a reader without a subscription, a paying one and a lapsed one:
	 * editors and above read everything, contributors and authors read by their own
	 * entitlement like any member.
	 */
	static Stream<Arguments> roles() {
		Entitlement none = Entitlement.none();
		Entitlement paying = entitlement(Status.ACTIVE, NOW.plus(Duration.ofDays(30)), null);
		Entitlement lapsed = entitlement(Status.EXPIRED, NOW.minus(Duration.ofDays(30)), null);
		Object[][] rows = { { MemberRole.MEMBER, ReaderState.FREE, ReaderState.PAID_ACTIVE, ReaderState.EXPIRED },
				{ MemberRole.CONTRIBUTOR, ReaderState.FREE, ReaderState.PAID_ACTIVE, ReaderState.EXPIRED },
				{ MemberRole.AUTHOR, ReaderState.FREE, ReaderState.PAID_ACTIVE, ReaderState.EXPIRED },
				{ MemberRole.EDITOR, ReaderState.STAFF, ReaderState.STAFF, ReaderState.STAFF },
				{ MemberRole.ADMINISTRATOR, ReaderState.STAFF, ReaderState.STAFF, ReaderState.STAFF },
				{ MemberRole.OWNER, ReaderState.STAFF, ReaderState.STAFF, ReaderState.STAFF }, };
		Entitlement[] columns = { none, paying, lapsed };
		List<Arguments> cases = new ArrayList<>();
		for (Object[] row : rows) {
			for (int column = 0; column < columns.length; column++) {
				cases.add(Arguments.of(row[0], columns[column], row[column + 1]));
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} with {1} is {2}")
	@MethodSource("roles")
	void classifiesEveryRoleTheSameOnEveryChannel(MemberRole role, Entitlement entitlement, ReaderState expected) {
		Reader reader = policy.classify(role, entitlement, NOW);

		assertThat(reader.state()).isEqualTo(expected);
		assertThat(reader.tier()).isEqualTo(expected == ReaderState.STAFF ? null : entitlement.tier());
	}

	@Test
	void coversEveryRole() {
		assertThat(roles().map(arguments -> arguments.get()[0]).distinct())
			.containsExactlyInAnyOrder(MemberRole.values());
	}

	/**
	 * Gift links (issue 16 §2): staff make as many as they like, every state with a
	 * subscriber's rights their plan's allowance, everyone else none.
	 */
	static Stream<Arguments> giftRights() {
		return Stream.of(Arguments.of(ReaderState.ANONYMOUS, GiftRight.NONE),
				Arguments.of(ReaderState.FREE, GiftRight.NONE),
				Arguments.of(ReaderState.PAID_ACTIVE, GiftRight.MONTHLY_ALLOWANCE),
				Arguments.of(ReaderState.TRIALING, GiftRight.MONTHLY_ALLOWANCE),
				Arguments.of(ReaderState.PAST_DUE_IN_GRACE, GiftRight.MONTHLY_ALLOWANCE),
				Arguments.of(ReaderState.PAST_DUE_BEYOND_GRACE, GiftRight.NONE),
				Arguments.of(ReaderState.CANCELED_IN_PERIOD, GiftRight.MONTHLY_ALLOWANCE),
				Arguments.of(ReaderState.EXPIRED, GiftRight.NONE),
				Arguments.of(ReaderState.COMPED, GiftRight.MONTHLY_ALLOWANCE),
				Arguments.of(ReaderState.STAFF, GiftRight.UNLIMITED),
				Arguments.of(ReaderState.VERIFIED_CRAWLER, GiftRight.NONE),
				Arguments.of(ReaderState.GIFTED, GiftRight.NONE));
	}

	@ParameterizedTest(name = "{0} gifts {1}")
	@MethodSource("giftRights")
	void onlySubscribersAndStaffGiftArticles(ReaderState state, GiftRight expected) {
		assertThat(policy.giftRight(new Reader(state, "supporter"))).isEqualTo(expected);
	}

	@Test
	void decidesGiftingForEveryReaderState() {
		assertThat(giftRights().map(arguments -> arguments.get()[0]))
			.containsExactlyInAnyOrder((Object[]) ReaderState.values());
	}

	/**
	 * The free-article meters (issue 16 §3) open paid and tier articles only, and never
	 * one an editor exempted.
	 */
	static Stream<Arguments> meteredArticles() {
		return Stream.of(Arguments.of(Visibility.everyone(), false, false),
				Arguments.of(Visibility.everyone(), true, false), Arguments.of(Visibility.members(), false, false),
				Arguments.of(Visibility.members(), true, false), Arguments.of(Visibility.paid(), false, true),
				Arguments.of(Visibility.paid(), true, false),
				Arguments.of(Visibility.tiers(Set.of("supporter")), false, true),
				Arguments.of(Visibility.tiers(Set.of("supporter")), true, false));
	}

	@ParameterizedTest(name = "{0} exempt={1}: metered={2}")
	@MethodSource("meteredArticles")
	void theMetersOpenPaidArticlesThatAreNotExempt(Visibility visibility, boolean exempt, boolean metered) {
		assertThat(AccessPolicy.metered(visibility, exempt)).isEqualTo(metered);
	}

	@Test
	void graceLengthComesFromTheSetting() {
		Entitlement failedTenDaysAgo = entitlement(Status.PAST_DUE, NOW.minus(Duration.ofDays(10)),
				NOW.minus(Duration.ofDays(10)));

		assertThat(new AccessPolicy(Duration.ofDays(14)).classify(failedTenDaysAgo, NOW).state())
			.isEqualTo(ReaderState.PAST_DUE_IN_GRACE);
		assertThat(policy.classify(failedTenDaysAgo, NOW).state()).isEqualTo(ReaderState.PAST_DUE_BEYOND_GRACE);
	}

	private static Entitlement entitlement(Status status, @Nullable Instant paidThrough,
			@Nullable Instant pastDueSince) {
		return new Entitlement(status, "supporter", paidThrough, pastDueSince);
	}

}
