package org.backstory.admin.members;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import org.backstory.BenchmarkApp;
import org.backstory.memberlist.MemberList;
import org.backstory.memberlist.MemberListOrder;
import org.backstory.memberlist.MemberListQuery;
import org.backstory.memberlist.MemberRow;
import org.backstory.billing.BillingFixtures;
import org.backstory.billing.BillingStatus;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanCatalog;
import org.backstory.members.MemberCursor;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberRole;
import org.backstory.members.NewAccount;
import org.backstory.members.RosterCursor;
import org.backstory.newsletters.Newsletter;
import org.backstory.newsletters.NewsletterSettings;
import org.backstory.newsletters.Newsletters;
import org.backstory.newsletters.OptIns;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * The member list benchmark (bench/members.sh): seeds N members (default 100,000) into a
 * fresh embedded database with a realistic mix of billing statuses, newsletter opt-ins
 * and labels, then times the member list's pages as the admin page asks for them
 * (members, billing and newsletters together): the first page, a deep page, a search,
 * status filters, a newsletter filter; then the full CSV export and a 10,000-row import.
 * Prints the median and worst of 20 runs after 5 unmeasured ones. Not a test: timing
 * lives in benchmarks.
 */
public final class MemberListBenchmark {

	private static final int RUNS = 20;

	private static final int WARMUP = 5;

	private MemberListBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
		String database = "bench_members_" + System.currentTimeMillis();
		Path dataDir = Files.createTempDirectory("backstory-bench");
		try (ConfigurableApplicationContext app = BenchmarkApp.start(database, dataDir, false)) {
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			Instant now = app.getBean(Clock.class).instant();
			Plan plan = app.getBean(PlanCatalog.class).createPlan(BillingFixtures.newPlan());
			Newsletter weekly = app.getBean(Newsletters.class)
				.create(new NewsletterSettings("weekly", "Weekly", "The week.", "Desk", "desk@bench.test", null, true));
			long seeding = System.nanoTime();
			seed(jdbc, app.getBean(OptIns.class), plan, weekly, count, now);
			jdbc.sql("analyze").update();
			System.out.printf(Locale.ROOT, "seeded %d members in %.1f s%n", count, (System.nanoTime() - seeding) / 1e9);

			MemberList list = app.getBean(MemberList.class);
			MemberListQuery all = MemberListQuery.all();
			MemberCursor deep = list.page(all, null, count - 100).get(count - 101).member().cursor();
			time("first page", () -> list.page(all, null, 51));
			time("deep page (after " + (count - 100) + ")", () -> list.page(all, deep, 51));
			time("search \"okafor\"", () -> list.page(query("okafor", null, null), null, 51));
			time("search \"okafor4242\" (rare)", () -> list.page(query("okafor4242", null, null), null, 51));
			time("search \"gmail\" (a fifth)", () -> list.page(query("gmail", null, null), null, 51));
			time("status past due + search \"okafor\"",
					() -> list.page(query("okafor", BillingStatus.PAST_DUE, null), null, 51));
			time("status past due", () -> list.page(query("", BillingStatus.PAST_DUE, null), null, 51));
			time("status paid", () -> list.page(query("", BillingStatus.PAID, null), null, 51));
			time("status free", () -> list.page(query("", BillingStatus.FREE, null), null, 51));
			time("newsletter + free", () -> list.page(query("", BillingStatus.FREE, weekly.id()), null, 51));
			time("label vip", () -> list.page(new MemberListQuery("", null, null, null, "vip", null, null), null, 51));
			RosterCursor deepByName = list.cursorAt(MemberListOrder.NAME,
					list.page(all, MemberListOrder.NAME, false, null, count - 100).get(count - 101));
			time("by name", () -> list.page(all, MemberListOrder.NAME, false, null, 51));
			time("by name, deep page", () -> list.page(all, MemberListOrder.NAME, false, deepByName, 51));
			time("by email, descending", () -> list.page(all, MemberListOrder.EMAIL, true, null, 51));
			time("by status", () -> list.page(all, MemberListOrder.STATUS, false, null, 51));
			time("by status, descending", () -> list.page(all, MemberListOrder.STATUS, true, null, 51));

			long staffId = app.getBean(MemberDirectory.class)
				.createAccount(new NewAccount("admin@bench.test", "Admin", null, MemberRole.ADMINISTRATOR, true));
			MemberExport export = app.getBean(MemberExport.class);
			long start = System.nanoTime();
			long exported;
			try (Writer out = Files.newBufferedWriter(dataDir.resolve("export.csv"), StandardCharsets.UTF_8)) {
				exported = export.write(staffId, all, out);
			}
			System.out.printf(Locale.ROOT, "RESULT case=\"export all\" rows=%d ms=%.0f bytes=%d%n", exported,
					(System.nanoTime() - start) / 1e6, Files.size(dataDir.resolve("export.csv")));

			MemberImport imports = app.getBean(MemberImport.class);
			StringBuilder csv = new StringBuilder(
					"email,name,note,subscribed_to_emails,complimentary_plan,labels,created_at\n");
			for (int i = 0; i < 10_000; i++) {
				csv.append("imported")
					.append(i)
					.append("@bench.test,Imported ")
					.append(i)
					.append(",\"a note, ")
					.append(i)
					.append("\",")
					.append(i % 2 == 0)
					.append(',')
					.append(i % 50 == 0)
					.append(",\"imported,batch\",2024-0")
					.append(1 + i % 9)
					.append("-01T10:00:00.000Z\n");
			}
			start = System.nanoTime();
			MemberImport.DryRun dryRun = imports.check(staffId, csv.toString().getBytes(StandardCharsets.UTF_8));
			double checkMs = (System.nanoTime() - start) / 1e6;
			start = System.nanoTime();
			MemberImport.Outcome outcome = imports.confirm(staffId, dryRun.id());
			System.out.printf(Locale.ROOT, "RESULT case=\"import 10000\" check_ms=%.0f import_ms=%.0f outcome=%s%n",
					checkMs, (System.nanoTime() - start) / 1e6, outcome);
		}
		finally {
			FileSystemUtils.deleteRecursively(dataDir);
		}
	}

	private static MemberListQuery query(String search, BillingStatus status, Long newsletter) {
		return new MemberListQuery(search, status, null, newsletter, null, null, null);
	}

	private static void time(String name, Supplier<List<MemberRow>> page) {
		time(name, () -> page.get().size());
	}

	private static void time(String name, IntSupplier rowsOf) {
		int rows = 0;
		for (int i = 0; i < WARMUP; i++) {
			rows = rowsOf.getAsInt();
		}
		double[] ms = new double[RUNS];
		for (int i = 0; i < RUNS; i++) {
			long start = System.nanoTime();
			rowsOf.getAsInt();
			ms[i] = (System.nanoTime() - start) / 1e6;
		}
		Arrays.sort(ms);
		System.out.printf(Locale.ROOT, "RESULT case=\"%s\" rows=%d median_ms=%.1f max_ms=%.1f%n", name, rows,
				ms[RUNS / 2], ms[RUNS - 1]);
	}

	/**
	 * Members with sign-ups spread over three years; by id: 15 % paying, 3 % trialing, 2
	 * % past due, 3 % comped, 2 % canceled, 5 % expired (free again), the rest free; 60 %
	 * get the newsletter; 2 % labelled vip.
	 */
	private static void seed(JdbcClient jdbc, OptIns optIns, Plan plan, Newsletter newsletter, int count, Instant now) {
		Timestamp at = Timestamp.from(now);
		jdbc.sql(
				"""
						insert into members.member (email, name, role, email_verified_at, created_at, updated_at)
						select lower((array['ada','ben','chloe','dev','eve','femi','gus','hana'])[g % 8 + 1]) || '.'
						        || lower((array['smith','jones','nguyen','garcia','okafor','muller','rossi','kowalski','tanaka','silva'])[g % 10 + 1])
						        || g || '@' || (array['gmail.com','outlook.com','proton.me','example.org','fastmail.com'])[g % 5 + 1],
						    (array['Ada','Ben','Chloe','Dev','Eve','Femi','Gus','Hana'])[g % 8 + 1] || ' '
						        || (array['Smith','Jones','Nguyen','Garcia','Okafor','Müller','Rossi','Kowalski','Tanaka','Silva'])[g % 10 + 1],
						    'MEMBER', :now, cast(:now as timestamptz) - (g * interval '15 minutes') / 10, :now
						from generate_series(1, :count) g
						""")
			.param("count", count)
			.param("now", at)
			.update();
		jdbc.sql(
				"""
						insert into billing.subscription (member_id, plan_id, tier, billing_interval, price_amount, currency,
						    status, comped, current_period_start, current_period_end, past_due_since, created_at, updated_at)
						select m.id, case when k between 20 and 22 then null else p.id end, p.tier,
						    case when k between 20 and 22 then null else 'month' end,
						    case when k between 20 and 22 then null else 500 end,
						    case when k between 20 and 22 then null else 'USD' end,
						    case when k < 15 then 'active' when k < 18 then 'trialing' when k < 20 then 'past_due'
						         when k < 23 then 'active' when k < 25 then 'canceled' else 'expired' end,
						    k between 20 and 22, cast(:now as timestamptz) - interval '10 days', cast(:now as timestamptz) + interval '20 days',
						    case when k between 18 and 19 then cast(:now as timestamptz) - interval '2 days' end, :now, :now
						from (select id, id % 100 as k from members.member where role = 'MEMBER') m, billing.plan p
						where p.code = :plan and m.k < 30
						""")
			.param("plan", plan.code())
			.param("now", at)
			.update();
		List<Long> readers = jdbc.sql("select id from members.member where role = 'MEMBER' and id % 10 < 6")
			.query(Long.class)
			.list();
		optIns.optInAll(newsletter.id(), readers);
		jdbc.sql("insert into members.label (member_id, name) select id, 'vip' from members.member where id % 50 = 7")
			.update();
	}

}
