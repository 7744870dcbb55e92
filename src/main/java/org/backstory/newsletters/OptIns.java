package org.backstory.newsletters;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.backstory.members.MemberDeleted;
import org.backstory.members.MemberRegistered;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which newsletters each member gets. A new member gets the default-on newsletters;
 * members change their choice on their account page, staff on the member's admin page,
 * and a signed unsubscribe link takes one newsletter away without login.
 */
@Service
public class OptIns {

	private static final Logger log = LoggerFactory.getLogger(OptIns.class);

	private final OptInRepository optIns;

	private final NewsletterRepository newsletters;

	private final Clock clock;

	OptIns(OptInRepository optIns, NewsletterRepository newsletters, Clock clock) {
		this.optIns = optIns;
		this.newsletters = newsletters;
		this.clock = clock;
	}

	/** The ids of the newsletters the member gets. */
	@Transactional(readOnly = true)
	public Set<Long> of(long memberId) {
		return new LinkedHashSet<>(optIns.newslettersOf(memberId));
	}

	/** Makes the member get exactly these newsletters; unknown ids are ignored. */
	@Transactional
	public void choose(long memberId, Collection<Long> newsletterIds) {
		Instant now = clock.instant();
		optIns.removeAllExcept(memberId, newsletterIds, now);
		newsletterIds.forEach(id -> optIns.add(memberId, id, now));
		log.info("Newsletter choice changed member={} newsletters={}", memberId, newsletterIds);
	}

	/** Opts the member in; whether they were not already. */
	@Transactional
	public boolean optIn(long memberId, long newsletterId) {
		return optIns.add(memberId, newsletterId, clock.instant());
	}

	/** Opts the member out; whether they had been in. */
	@Transactional
	public boolean optOut(long memberId, long newsletterId) {
		boolean removed = optIns.remove(memberId, newsletterId, clock.instant());
		log.info("Newsletter opt-out member={} newsletter={} changed={}", memberId, newsletterId, removed);
		return removed;
	}

	/**
	 * The member's latest opt-ins and opt-outs, newest first, at most {@code limit} (the
	 * opt-ins held before the history began count from when they were made).
	 */
	@Transactional(readOnly = true)
	public List<OptInChange> changes(long memberId, int limit) {
		return optIns.changesOf(memberId, limit);
	}

	/**
	 * Opts many members into a newsletter at once (seeding, imports, benchmarks); how
	 * many were new.
	 */
	@Transactional
	public int optInAll(long newsletterId, Collection<Long> memberIds) {
		return optIns.addAll(newsletterId, memberIds, clock.instant());
	}

	/**
	 * The ids of the members who get this newsletter, when there are at most
	 * {@code atMost}; empty when there are more (ask {@link #membersAmong} a chunk of
	 * members at a time instead).
	 */
	@Transactional(readOnly = true)
	public Optional<Set<Long>> membersOf(long newsletterId, int atMost) {
		List<Long> ids = optIns.membersOf(newsletterId, atMost + 1);
		return ids.size() > atMost ? Optional.empty() : Optional.of(new HashSet<>(ids));
	}

	/** Which of these members get this newsletter. */
	@Transactional(readOnly = true)
	public Set<Long> membersAmong(long newsletterId, Collection<Long> candidates) {
		return optIns.membersAmong(newsletterId, candidates);
	}

	/**
	 * The newsletters each of these members gets, by member id; members who get none are
	 * left out.
	 */
	@Transactional(readOnly = true)
	public Map<Long, Set<Long>> ofAll(Collection<Long> memberIds) {
		return optIns.newslettersOfAll(memberIds);
	}

	/**
	 * How many members get each newsletter, by newsletter id; newsletters nobody gets are
	 * left out.
	 */
	@Transactional(readOnly = true)
	public Map<Long, Long> counts() {
		return optIns.counts();
	}

	/**
	 * A new member gets the newsletters they ticked on the sign-up form, or every
	 * default-on newsletter when the account was made some other way; in the transaction
	 * that created the account.
	 */
	@EventListener
	void onRegistered(MemberRegistered event) {
		Instant now = clock.instant();
		newsletters.all()
			.stream()
			.filter(n -> event.optIns() == null ? n.defaultOn()
					: event.optIns().contains(NewsletterSignupOptIns.key(n)))
			.forEach(n -> optIns.add(event.memberId(), n.id(), now));
	}

	@EventListener
	void onDeleted(MemberDeleted event) {
		optIns.removeAll(event.memberId());
	}

}
