package org.backstory.demo;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.backstory.billing.BillingInterval;
import org.backstory.billing.ImportedSubscription;
import org.backstory.billing.NewPlan;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.SandboxCards;
import org.backstory.billing.SubscriptionService;
import org.backstory.billing.SubscriptionStatus;
import org.backstory.members.MemberDirectory;
import org.backstory.members.NewAccount;
import org.backstory.publishing.ArticleCatalog;
import org.backstory.shared.BackstoryProperties;
import org.backstory.shared.DatabaseMode;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the demo publication and accounts at start-up: into an empty embedded database of
 * a local site by default, into any empty database with {@code BACKSTORY_DEMO=true},
 * never with {@code false}. On a local site the accounts get the README's password; on a
 * public one (only with {@code BACKSTORY_DEMO=true}) each gets a random password, printed
 * once in the log. All of it happens in one transaction under a database lock, so two
 * nodes starting together seed once, and a failure seeds nothing.
 */
@Component
class DemoSeeder implements ApplicationRunner {

	static final String PASSWORD = "demo-password";

	/** The accounts opted into the demo newsletters. */
	static final List<String> ACCOUNTS = List.of(DemoAccount.OWNER, "editor@demo.test", "reader@demo.test",
			DemoAccount.SUBSCRIBER, DemoAccount.LAPSED);

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

	private final BackstoryProperties properties;

	private final DatabaseMode database;

	private final SiteExposure site;

	private final MemberDirectory members;

	private final ArticleCatalog catalog;

	private final DemoPublication publication;

	private final DemoNewsletters newsletters;

	private final PlanCatalog plans;

	private final SubscriptionService subscriptions;

	private final DemoHistory history;

	private final TransactionTemplate transactions;

	private final JdbcClient jdbc;

	private final Clock clock;

	DemoSeeder(BackstoryProperties properties, DatabaseMode database, SiteExposure site, MemberDirectory members,
			ArticleCatalog catalog, DemoPublication publication, DemoNewsletters newsletters, PlanCatalog plans,
			SubscriptionService subscriptions, DemoHistory history, TransactionTemplate transactions, JdbcClient jdbc,
			Clock clock) {
		this.properties = properties;
		this.database = database;
		this.site = site;
		this.members = members;
		this.catalog = catalog;
		this.publication = publication;
		this.newsletters = newsletters;
		this.plans = plans;
		this.subscriptions = subscriptions;
		this.history = history;
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Whether this start seeds the demo: as {@code BACKSTORY_DEMO} says when it is set,
	 * else only into the embedded database of a local site, so a public site never gets
	 * demo accounts without asking for them.
	 */
	static boolean wanted(@Nullable Boolean demo, boolean embedded, boolean local) {
		return demo != null ? demo : embedded && local;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!wanted(properties.demo(), database.embedded(), site.local())) {
			return;
		}
		Map<String, String> passwords = passwords(site.local());
		boolean seeded = Boolean.TRUE.equals(transactions.execute(status -> seedIfEmpty(passwords)));
		if (!seeded) {
			return;
		}
		if (site.local()) {
			log.info(
					"""
							Demo publication seeded. Sign in at {} with password '{}' as:
							  {} (owner), admin@demo.test (administrator), editor@demo.test (editor),
							  author@demo.test (author), contributor@demo.test (contributor), reader@demo.test (free member),
							  subscriber@demo.test (paid, active), lapsed@demo.test (paid, past due beyond grace, card declined)""",
					properties.link("/login"), PASSWORD, DemoAccount.OWNER);
		}
		else {
			// Printed once, on purpose: these are the only copies, and the site is
			// public.
			log.warn(
					"Demo publication seeded on a public site because BACKSTORY_DEMO=true. Each demo account has a "
							+ "random password, shown only now. Sign in at {} as:\n{}",
					properties.link("/login"),
					passwords.entrySet()
						.stream()
						.map(entry -> "  " + entry.getKey() + "  " + entry.getValue())
						.collect(Collectors.joining("\n")));
		}
	}

	/**
	 * The password of each demo account: the published one on a local site, else a random
	 * one each.
	 */
	private static Map<String, String> passwords(boolean local) {
		Map<String, String> passwords = new LinkedHashMap<>();
		DemoAccount.ALL.forEach(account -> passwords.put(account.email(), local ? PASSWORD : randomPassword()));
		return passwords;
	}

	/** 15 random bytes as 20 URL-safe characters: 120 bits, nothing to type wrongly. */
	static String randomPassword() {
		byte[] bytes = new byte[15];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private boolean seedIfEmpty(Map<String, String> passwords) {
		jdbc.sql("select pg_advisory_xact_lock(hashtext('backstory-demo-seed'))").query((rs, row) -> 1).list();
		// Never into someone else's publication: a database with an owner or an article
		// is not empty.
		boolean empty = !members.ownerExists() && catalog.latest(1, 0).isEmpty();
		if (empty) {
			DemoContent content = DemoContent.load();
			publication.seed(content);
			publication.seedEvents(content, seedAccounts(passwords).get(DemoAccount.EDITOR));
		}
		// Also a demo database seeded before there were newsletters.
		if (members.findByEmail(DemoAccount.OWNER).isPresent()) {
			newsletters.seedIfNone(ACCOUNTS);
		}
		return empty;
	}

	/**
	 * Creates the demo accounts, a year of readers and their subscriptions
	 * ({@link DemoHistory}), and the accounts' subscriptions; returns each account's id
	 * by email.
	 */
	private Map<String, Long> seedAccounts(Map<String, String> passwords) {
		Map<String, Long> ids = new LinkedHashMap<>();
		DemoAccount.ALL
			.forEach(account -> ids.put(account.email(), members.createAccount(new NewAccount(account.email(),
					account.name(), passwords.get(account.email()), account.role(), true))));
		plans.createPlan(new NewPlan("supporter", "Supporter", "supporter",
				"Every explainer in full, the storyline archive, and the weekly briefing.", "USD", 800, 8000, 1));
		Instant now = clock.instant();
		// Before the accounts' own subscriptions: billing restores history only into
		// none.
		history.seed(now, "supporter", 800, 8000, "USD");
		Duration month = Duration.ofDays(30);
		subscriptions.importSubscription(new ImportedSubscription(ids.get(DemoAccount.SUBSCRIBER), "supporter",
				BillingInterval.MONTH, SubscriptionStatus.ACTIVE, now.minus(Duration.ofDays(10)),
				now.minus(Duration.ofDays(10)).plus(month), null, SandboxCards.VISA));
		Instant failedRenewal = now.minus(Duration.ofDays(12));
		subscriptions.importSubscription(new ImportedSubscription(ids.get(DemoAccount.LAPSED), "supporter",
				BillingInterval.MONTH, SubscriptionStatus.PAST_DUE, failedRenewal.minus(month), failedRenewal,
				failedRenewal, SandboxCards.VISA_CHARGES_FAIL));
		return ids;
	}

}
