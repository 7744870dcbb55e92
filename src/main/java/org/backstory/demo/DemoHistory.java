package org.backstory.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

import org.backstory.billing.BillingRestore;
import org.backstory.members.ImportedMember;
import org.backstory.members.MemberRoster;
import org.backstory.publishing.ArticleCatalog;
import org.backstory.publishing.ArticleSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A year of readers for the demo, so the dashboard has something to chart on first start:
 * sign-ups growing month by month, some from articles, and their subscriptions as
 * {@link SubscriptionSimulation} plays them out. Written through members' import and
 * billing's restore (the paths a move from another site takes), in the seeder's
 * transaction, with a fixed random seed, so every demo starts with the same history.
 * Readers sign in by emailed link (they have no password).
 */
@Component
class DemoHistory {

	static final long SEED = 20_261_210L;

	static final int MONTHS = 12;

	/** Sign-ups in the first month; each month brings a fifth more. */
	static final int FIRST_MONTH_SIGNUPS = 10;

	private static final List<String> FIRST = List.of("Ada", "Ben", "Chloe", "Dev", "Elif", "Femi", "Greta", "Hugo",
			"Ines", "Jonas", "Kemi", "Lars", "Maya", "Nico", "Olga", "Priya", "Quinn", "Rosa", "Sami", "Tove");

	private static final List<String> LAST = List.of("Alvarez", "Brandt", "Chen", "Dubois", "Eriksen", "Fischer",
			"Garcia", "Haddad", "Ito", "Jensen", "Kowalski", "Lindqvist", "Moreau", "Novak", "Okafor", "Petrov");

	private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);

	private final MemberRoster roster;

	private final BillingRestore billing;

	private final ArticleCatalog catalog;

	DemoHistory(MemberRoster roster, BillingRestore billing, ArticleCatalog catalog) {
		this.roster = roster;
		this.billing = billing;
		this.catalog = catalog;
	}

	/**
	 * Seeds the history up to {@code now}. Call after the plan exists and before any
	 * other subscription or payment: billing restores only into a publication without.
	 */
	void seed(Instant now, String plan, long monthlyPrice, long yearlyPrice, String currency) {
		Random random = new Random(SEED);
		List<Long> articles = catalog.latest(12, 0).stream().map(ArticleSummary::id).toList();
		List<ImportedMember> readers = readers(random, now);
		Map<String, Long> ids = roster.importAll(readers);
		Map<Long, Long> signedUpFrom = new HashMap<>();
		Map<Long, Long> subscribedFrom = new HashMap<>();
		SubscriptionSimulation simulation = new SubscriptionSimulation(random, now, plan, monthlyPrice, yearlyPrice,
				currency);
		Map<Long, Instant> joined = new HashMap<>();
		readers.forEach(reader -> joined.put(ids.get(reader.email().toLowerCase(Locale.ROOT)),
				Objects.requireNonNull(reader.joinedAt())));
		for (ImportedMember reader : readers) {
			long id = ids.get(reader.email().toLowerCase(Locale.ROOT));
			if (random.nextDouble() < 0.4 && !articles.isEmpty()) {
				signedUpFrom.put(id, popular(random, articles));
			}
			Instant start = joined.get(id).plusSeconds((long) (random.nextDouble() * 20 * 86_400));
			if (random.nextDouble() < 0.25 && start.isBefore(now.minus(Duration.ofDays(1)))) {
				Long subscription = simulation.subscribe(id, start);
				if (subscription != null && random.nextDouble() < 0.5 && !articles.isEmpty()) {
					subscribedFrom.put(subscription, popular(random, articles));
				}
			}
		}
		roster.attributeSignups(signedUpFrom);
		billing.restore(simulation.subscriptions(), simulation.payments(), simulation.events());
		billing.attributeAll(subscribedFrom);
		log.info("Demo history seeded readers={} subscriptions={} payments={}", readers.size(),
				simulation.subscriptions().size(), simulation.payments().size());
	}

	/** Readers who joined over the last year, more each month. */
	static List<ImportedMember> readers(Random random, Instant now) {
		List<ImportedMember> readers = new ArrayList<>();
		Instant firstMonth = now.atZone(ZoneOffset.UTC).minusMonths(MONTHS).toInstant();
		for (int month = 0; month < MONTHS; month++) {
			Instant from = firstMonth.atZone(ZoneOffset.UTC).plusMonths(month).toInstant();
			Instant to = from.atZone(ZoneOffset.UTC).plusMonths(1).toInstant();
			long signups = Math.round(FIRST_MONTH_SIGNUPS * Math.pow(1.2, month));
			for (int i = 0; i < signups; i++) {
				Instant joined = from
					.plusSeconds((long) (random.nextDouble() * Duration.between(from, to).toSeconds()));
				if (joined.isBefore(now.minus(Duration.ofHours(1)))) {
					String first = FIRST.get(random.nextInt(FIRST.size()));
					String last = LAST.get(random.nextInt(LAST.size()));
					String email = "%s.%s.%d@demo.test".formatted(first, last, readers.size() + 1)
						.toLowerCase(Locale.ROOT);
					readers.add(new ImportedMember(email, first + " " + last, "", List.of(), joined));
				}
			}
		}
		return readers;
	}

	/** An article, the first (newest) ones more often. */
	private static long popular(Random random, List<Long> articles) {
		double skewed = random.nextDouble() * random.nextDouble();
		return articles.get((int) (skewed * articles.size()));
	}

}
