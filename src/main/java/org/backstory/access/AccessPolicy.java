package org.backstory.access;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.backstory.access.AccessDecision.Remedy;
import org.backstory.billing.Entitlement;
import org.backstory.members.MemberRole;
import org.backstory.publishing.SearchReach;
import org.backstory.publishing.Visibility;
import org.jspecify.annotations.Nullable;

/**
 * The one rule for who may read what. Pure: no I/O and no clock of its own, so every
 * state can be table-tested against every visibility. Every channel reaches it through
 * {@link ArticleGate}.
 */
public final class AccessPolicy {

	private final Supplier<Duration> gracePeriod;

	/**
	 * @param gracePeriod how long after a failed renewal charge a past-due reader keeps
	 * access
	 */
	public AccessPolicy(Duration gracePeriod) {
		this(() -> gracePeriod);
	}

	/**
	 * @param gracePeriod asked at each decision, so a grace period staff change applies
	 * without a restart
	 */
	public AccessPolicy(Supplier<Duration> gracePeriod) {
		this.gracePeriod = gracePeriod;
	}

	/** An editor, administrator or owner, whatever their own subscription. */
	public static Reader staff() {
		return new Reader(ReaderState.STAFF, null);
	}

	/**
	 * A search engine's crawler whose address was verified: reads every article whole.
	 */
	public static Reader verifiedCrawler() {
		return new Reader(ReaderState.VERIFIED_CRAWLER, null);
	}

	/**
	 * Whoever holds a valid gift link, for the one article it was made for (the gate
	 * decides that): reads it whole.
	 */
	public static Reader gifted() {
		return new Reader(ReaderState.GIFTED, null);
	}

	/**
	 * The reader a signed-in member with this role and entitlement is at {@code now}, on
	 * every channel (page, feed, newsletter). Editors, administrators and the owner edit
	 * every article, so they read every article in full; contributors and authors read
	 * like any member, by their own subscription or comp (they see their own articles in
	 * full in the editor, which is not a reading channel).
	 */
	public Reader classify(MemberRole role, Entitlement entitlement, Instant now) {
		return role.atLeast(MemberRole.EDITOR) ? staff() : classify(entitlement, now);
	}

	/**
	 * The state of a signed-in reader with this entitlement at {@code now}, whatever
	 * their role.
	 */
	public Reader classify(Entitlement entitlement, Instant now) {
		return new Reader(stateOf(entitlement, now), entitlement.tier());
	}

	/** Whether the reader may read the whole of an article with this visibility. */
	public AccessDecision decide(Visibility visibility, Reader reader) {
		ReaderState state = reader.state();
		if (readsEverything(state)) {
			return AccessDecision.GRANTED;
		}
		return switch (visibility.level()) {
			case PUBLIC -> AccessDecision.GRANTED;
			case MEMBERS ->
				state == ReaderState.ANONYMOUS ? AccessDecision.refused(Remedy.SIGN_UP) : AccessDecision.GRANTED;
			case PAID -> state.paying() ? AccessDecision.GRANTED : refusedForPaid(state);
			case TIERS -> {
				if (!state.paying()) {
					yield refusedForPaid(state);
				}
				yield reader.tier() != null && visibility.tiers().contains(reader.tier()) ? AccessDecision.GRANTED
						: AccessDecision.refused(Remedy.UPGRADE);
			}
		};
	}

	/**
	 * Whether a reader who is not signed in may read the whole of article
	 * {@code articleId}, the anonymous meter counted: a paid article that the anonymous
	 * decision refuses is let through while the meter has articles left this month (one
	 * already read this month is free to read again), and refused with the registration
	 * wall ({@link Remedy#REGISTER}) once they are used up. A reader without a meter
	 * cookie who has not asked to start one gets the anonymous decision, the same for
	 * everyone (so shared caches may keep it), with the meter's offer; any answer that
	 * reads or writes the cookie is {@code personal}. Articles for members, and articles
	 * an editor exempted from the meters ({@code meterExempt}), are never metered: their
	 * answer is the anonymous decision, the same for everyone whatever cookie comes with
	 * the request.
	 */
	AnonymousRead decideAnonymous(Visibility visibility, long articleId, boolean meterExempt, AnonymousMeter meter) {
		AccessDecision decision = decide(visibility, Reader.anonymous());
		if (decision.granted() || meter.allowance() == 0 || !metered(visibility, meterExempt)) {
			return new AnonymousRead(decision, MeterStatus.OFF, false, null);
		}
		int allowance = meter.allowance();
		if (!meter.presented()) {
			return new AnonymousRead(decision, new MeterStatus(allowance, allowance, false), false, null);
		}
		int used = meter.read().size();
		if (meter.read().contains(articleId)) {
			return new AnonymousRead(AccessDecision.GRANTED,
					new MeterStatus(allowance, Math.max(0, allowance - used), true), true, null);
		}
		if (used >= allowance) {
			return new AnonymousRead(AccessDecision.refused(Remedy.REGISTER), new MeterStatus(allowance, 0, false),
					true, null);
		}
		Set<Long> readAfter = new HashSet<>(meter.read());
		readAfter.add(articleId);
		return new AnonymousRead(AccessDecision.GRANTED, new MeterStatus(allowance, allowance - used - 1, true), true,
				readAfter);
	}

	/**
	 * Whether the free-article meters (the anonymous meter and a free member's) may open
	 * an article: paid and tier articles may, unless an editor exempted this one (a scoop
	 * the publication never gives away).
	 */
	static boolean metered(Visibility visibility, boolean meterExempt) {
		return visibility.paidOnly() && !meterExempt;
	}

	/**
	 * Which gated articles a search may match on their whole text for this reader:
	 * exactly those {@link #decide} lets them read (metered reads aside: a search never
	 * uses one). {@code AccessPolicyTests} checks the two agree for every reader state
	 * and visibility.
	 */
	public SearchReach searchReach(Reader reader) {
		String tier = reader.tier();
		boolean tierGranted = tier != null && decide(Visibility.tiers(Set.of(tier)), reader).granted();
		return new SearchReach(decide(Visibility.members(), reader).granted(),
				decide(Visibility.paid(), reader).granted(), readsEverything(reader.state()),
				tierGranted ? Set.of(tier) : Set.of());
	}

	/**
	 * What this reader may do with gift links (issue 16 §2): staff make as many as they
	 * like, a reader with a subscriber's rights their plan's monthly allowance, anyone
	 * else none.
	 */
	GiftRight giftRight(Reader reader) {
		if (reader.state() == ReaderState.STAFF) {
			return GiftRight.UNLIMITED;
		}
		return reader.state().paying() ? GiftRight.MONTHLY_ALLOWANCE : GiftRight.NONE;
	}

	/**
	 * Staff edit every article, and a verified crawler indexes every article whole; a
	 * gifted reader exists only for the one article their link opens.
	 */
	private static boolean readsEverything(ReaderState state) {
		return state == ReaderState.STAFF || state == ReaderState.VERIFIED_CRAWLER || state == ReaderState.GIFTED;
	}

	private static AccessDecision refusedForPaid(ReaderState state) {
		return AccessDecision.refused(switch (state) {
			case ANONYMOUS -> Remedy.SUBSCRIBE_OR_LOG_IN;
			case PAST_DUE_BEYOND_GRACE -> Remedy.UPDATE_CARD;
			case EXPIRED -> Remedy.RENEW;
			default -> Remedy.SUBSCRIBE;
		});
	}

	private ReaderState stateOf(Entitlement entitlement, Instant now) {
		@Nullable Instant paidThrough = entitlement.paidThrough();
		return switch (entitlement.status()) {
			case NONE -> ReaderState.FREE;
			case ACTIVE -> ReaderState.PAID_ACTIVE;
			case TRIALING -> before(now, paidThrough) ? ReaderState.TRIALING : ReaderState.EXPIRED;
			case COMPED -> before(now, paidThrough) ? ReaderState.COMPED : ReaderState.EXPIRED;
			case CANCELED ->
				paidThrough != null && now.isBefore(paidThrough) ? ReaderState.CANCELED_IN_PERIOD : ReaderState.EXPIRED;
			case PAST_DUE ->
				withinGrace(entitlement, now) ? ReaderState.PAST_DUE_IN_GRACE : ReaderState.PAST_DUE_BEYOND_GRACE;
			case EXPIRED -> ReaderState.EXPIRED;
		};
	}

	/**
	 * When a past-due reader's grace ends, if they are in it now: the day their card must
	 * be updated by to keep reading. Empty in every other state.
	 */
	public Optional<Instant> graceEnd(Entitlement entitlement, Instant now) {
		if (entitlement.status() != Entitlement.Status.PAST_DUE || !withinGrace(entitlement, now)) {
			return Optional.empty();
		}
		return Optional.of(graceEndOf(entitlement));
	}

	/** Open-ended grants (no end date) count as current. */
	private static boolean before(Instant now, @Nullable Instant end) {
		return end == null || now.isBefore(end);
	}

	/**
	 * Grace runs from the first failed charge; without one, from the end of the paid
	 * period.
	 */
	private boolean withinGrace(Entitlement entitlement, Instant now) {
		Instant end = graceEndOf(entitlement);
		return end != null && now.isBefore(end);
	}

	private @Nullable Instant graceEndOf(Entitlement entitlement) {
		Instant failedAt = entitlement.pastDueSince() != null ? entitlement.pastDueSince() : entitlement.paidThrough();
		return failedAt == null ? null : failedAt.plus(gracePeriod.get());
	}

}
