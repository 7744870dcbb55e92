package org.backstory.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.backstory.BenchmarkApp;
import org.backstory.billing.NewPlan;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.SubscriptionService;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberRole;
import org.backstory.members.NewAccount;
import org.backstory.members.SignedInMember;
import org.backstory.publishing.ArticleCatalog;
import org.backstory.publishing.PublishingProbe;
import org.backstory.publishing.SearchOrder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * The search benchmark (bench/search.sh): generates N articles (default 100,000) of about
 * 1,000 words inside a fresh embedded database, in SQL, with a Zipf-like vocabulary (a
 * hundred common English words, most of them stop words, then 8,900 made-up words, each
 * rank about as frequent as 1/rank), half public and half gated (members, paid, one
 * tier); then times a reader's search as the page asks for it (the ranked page of ten,
 * the count, the access gate and two-fragment snippets for each result) for one- and
 * three-word queries of words drawn uniformly from the vocabulary, as an anonymous reader
 * and as a paying one. Prints p50, p95 and p99 of 200 queries per case after 30
 * unmeasured ones, and the size of the table and its search indexes. Also times the
 * related articles of random articles (issue 13 §4), which read the same head index. Not
 * a test: timing lives in benchmarks.
 */
public final class SearchBenchmark {

	private static final int RUNS = 200;

	private static final int WARMUP = 30;

	private static final int CHUNK = 5_000;

	private SearchBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
		String database = "bench_search_" + System.currentTimeMillis();
		Path dataDir = Files.createTempDirectory("backstory-bench");
		try (ConfigurableApplicationContext app = BenchmarkApp.start(database, dataDir, false)) {
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			app.getBean(PlanCatalog.class)
				.createPlan(new NewPlan("bench-gold", "Gold", "gold", "For the benchmark", "USD", 900, 9000, 1));
			long paidId = app.getBean(MemberDirectory.class)
				.createAccount(new NewAccount("paid@bench.test", "Paid Reader", null, MemberRole.MEMBER, true));
			app.getBean(SubscriptionService.class).grantComp(paidId, "gold", null);
			SignedInMember paid = new SignedInMember(paidId, "paid@bench.test", "Paid Reader", MemberRole.MEMBER);

			long seeding = System.nanoTime();
			seed(jdbc, count);
			System.out.printf(Locale.ROOT, "seeded %d articles and built the indexes in %.1f s%n", count,
					(System.nanoTime() - seeding) / 1e9);
			System.out.println("load average before timing: " + Files.readString(Path.of("/proc/loadavg")).strip());

			ReaderSearch search = app.getBean(ReaderSearch.class);
			List<String> words = jdbc
				.sql("select bench.word(100 + floor(random() * 8900)::int) from generate_series(1, :n)")
				.param("n", 4 * (RUNS + WARMUP))
				.query(String.class)
				.list();
			List<String> one = words.subList(0, RUNS + WARMUP);
			List<String> three = new ArrayList<>();
			for (int i = 0; i < RUNS + WARMUP; i++) {
				three.add(String.join(" ", words.subList(RUNS + WARMUP + 3 * i, RUNS + WARMUP + 3 * i + 3)));
			}
			time("one word, anonymous", one,
					query -> search.find(query, SearchOrder.RELEVANCE, null, null, null, 1, null));
			time("one word, paid reader", one,
					query -> search.find(query, SearchOrder.RELEVANCE, null, null, null, 1, paid));
			time("three words, anonymous", three,
					query -> search.find(query, SearchOrder.RELEVANCE, null, null, null, 1, null));
			time("three words, paid reader", three,
					query -> search.find(query, SearchOrder.RELEVANCE, null, null, null, 1, paid));
			time("one word, paid reader, newest first", one,
					query -> search.find(query, SearchOrder.NEWEST, null, null, null, 1, paid));
			// The article page's "Related articles" (the site's facts cache keeps it;
			// this is the uncached query):
			// here only the shared-words part works, as the generated articles have
			// neither tags nor storylines.
			ArticleCatalog catalog = app.getBean(ArticleCatalog.class);
			List<String> articleIds = PublishingProbe.randomArticleIds(jdbc, RUNS + WARMUP)
				.stream()
				.map(String::valueOf)
				.toList();
			time("related articles of an article", articleIds, id -> catalog.related(Long.parseLong(id), 4));

			System.out.println("load average after timing: " + Files.readString(Path.of("/proc/loadavg")).strip());
			jdbc.sql(
					"""
							select c.relname, pg_size_pretty(pg_total_relation_size(c.oid)) from pg_class c
							join pg_namespace n on n.oid = c.relnamespace
							where n.nspname = 'publishing' and (c.relname = 'article' or c.relname like 'article\\_search%' or c.relname like 'article\\_title\\_trgm%')
							order by c.relname""")
				.query(rs -> {
					System.out.printf(Locale.ROOT, "SIZE %s=%s%n", rs.getString(1), rs.getString(2));
				});
		}
		finally {
			FileSystemUtils.deleteRecursively(dataDir);
		}
	}

	/**
	 * Generates the articles in two sessions at once (one per core), with the search
	 * indexes dropped and then built again from their own definitions, as a bulk load
	 * would.
	 */
	private static void seed(JdbcClient jdbc, int count) throws Exception {
		jdbc.sql(
				"""
						create schema bench;
						create function bench.word(r int) returns text language sql immutable as $$
						  select case when r < 100 then (array['the','of','and','a','to','in','is','you','that','it','he','was','for',
						    'on','are','as','with','his','they','i','at','be','this','have','from','or','one','had','by','but','not',
						    'what','all','were','we','when','your','can','said','there','use','an','each','which','she','do','how',
						    'their','if','will','up','other','about','out','many','then','them','these','so','some','her','would',
						    'make','like','him','into','time','has','look','two','more','write','go','see','number','no','way','could',
						    'people','my','than','first','water','been','call','who','oil','its','now','find','long','down','day','did',
						    'get','come','made','may','part','port','deal'])[r + 1]
						  else (array['ka','lo','mi','ne','ru','sa','ti','vo','ze','pa','do','fi','gu','ha','je','ko','la','mu','no',
						    'pe','qui','ra','se','to','ul','ve','wa','xe','yo','zu'])[1 + r % 30]
						    || (array['ka','lo','mi','ne','ru','sa','ti','vo','ze','pa','do','fi','gu','ha','je','ko','la','mu','no',
						    'pe','qui','ra','se','to','ul','ve','wa','xe','yo','zu'])[1 + (r / 30) % 30]
						    || (array['','n','r','s','l','m','t','x','k','d'])[1 + (r / 900) % 10] end
						$$;
						create function bench.words(count int, seed int) returns text language sql volatile as $$
						  select string_agg(bench.word(floor(exp(random() * ln(9000)))::int - 1), ' ')
						  from generate_series(1, count) i where i > 0 * seed
						$$;
						insert into publishing.author (slug, name, created_at)
						  select 'bench-author-' || i, 'Bench Author ' || i, now() from generate_series(1, 50) i;
						""")
			.update();
		List<String> indexes = jdbc.sql("""
				select indexdef from pg_indexes where schemaname = 'publishing' and tablename = 'article'
				  and indexname like 'article\\_search%'""").query(String.class).list();
		jdbc.sql("drop index " + String.join(", ", jdbc
			.sql("""
					select 'publishing.' || indexname from pg_indexes where schemaname = 'publishing' and tablename = 'article'
					  and indexname like 'article\\_search%'""")
			.query(String.class)
			.list())).update();
		ExecutorService sessions = Executors.newFixedThreadPool(2);
		try {
			List<Future<?>> chunks = new ArrayList<>();
			for (int first = 1; first <= count; first += CHUNK) {
				int from = first;
				int to = Math.min(count, first + CHUNK - 1);
				chunks.add(sessions.submit(() -> jdbc.sql(GENERATE).param("from", from).param("to", to).update()));
			}
			for (Future<?> chunk : chunks) {
				chunk.get();
			}
			jdbc.sql("""
					insert into publishing.article_author (article_id, author_id, position)
					select a.id, (select min(id) from publishing.author) + a.id % 50, 1 from publishing.article a""")
				.update();
			List<Future<?>> builds = new ArrayList<>();
			for (String index : indexes) {
				builds.add(sessions.submit(() -> jdbc.sql(index).update()));
			}
			for (Future<?> build : builds) {
				build.get();
			}
		}
		finally {
			sessions.shutdownNow();
		}
		jdbc.sql("vacuum analyze publishing.article").update();
	}

	/**
	 * Articles {@code :from} to {@code :to}: title 5 words, dek 7, preview 150, the rest
	 * 850; half public, a fifth for members, a quarter paid, every twentieth for the tier
	 * "gold".
	 */
	private static final String GENERATE = """
			insert into publishing.article (slug, title, dek, body_markdown, preview_html, gated_html, status, published_at,
			  visibility, visibility_tiers, created_at, updated_at)
			select 'bench-' || n, initcap(bench.words(5, n)), initcap(bench.words(7, n)), 'Generated for the search benchmark.',
			  '<p>' || preview || '</p>' || case when vis = 'public' then '<p>' || rest || '</p>' else '' end,
			  case when vis = 'public' then '' else '<p>' || rest || '</p>' end,
			  'published', now() - make_interval(mins => n), vis, case when vis = 'tiers' then array['gold'] else '{}' end,
			  now(), now()
			from (
			  select n, bench.words(150, n) as preview, bench.words(850, n) as rest,
			    case when n % 20 < 10 then 'public' when n % 20 < 14 then 'members' when n % 20 < 19 then 'paid' else 'tiers' end as vis
			  from generate_series(:from, :to) n
			) s""";

	private static void time(String name, List<String> queries, Consumer<String> search) {
		for (String query : queries.subList(0, WARMUP)) {
			search.accept(query);
		}
		double[] ms = new double[RUNS];
		for (int i = 0; i < RUNS; i++) {
			long start = System.nanoTime();
			search.accept(queries.get(WARMUP + i));
			ms[i] = (System.nanoTime() - start) / 1e6;
		}
		Arrays.sort(ms);
		System.out.printf(Locale.ROOT, "RESULT case=\"%s\" runs=%d p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f max_ms=%.1f%n",
				name, RUNS, ms[RUNS / 2], ms[(int) Math.ceil(RUNS * 0.95) - 1], ms[(int) Math.ceil(RUNS * 0.99) - 1],
				ms[RUNS - 1]);
	}

}
