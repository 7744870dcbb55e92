package org.backstory.site;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import org.backstory.BenchmarkApp;
import org.backstory.members.FeedLinks;
import org.backstory.members.MemberDirectory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * The feeds benchmark (bench/feeds.sh): starts the app with the demo publication on a
 * fresh embedded database, then loads the site's public feed and the demo subscriber's
 * private feed from C threads, each as a full answer and as a feed reader's conditional
 * GET that is answered 304, and prints requests per second with p50/p95/p99 latencies. It
 * first checks the private feed carries the paid demo article whole and the public one
 * does not. Not a test: timing lives in benchmarks.
 */
public final class FeedBenchmark {

	/**
	 * A sentence of the paid demo article's gated half
	 * (src/main/resources/demo/articles/02-port-anselm-summits.md).
	 */
	private static final String GATED = "The delegations ate lunch at separate tables";

	private FeedBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int threads = args.length > 0 ? Integer.parseInt(args[0]) : 16;
		int warmupSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
		int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
		Path dataDir = Files.createTempDirectory("backstory-bench");
		try (ConfigurableApplicationContext app = BenchmarkApp.start("bench_feeds_" + System.currentTimeMillis(),
				dataDir, true)) {
			String base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
			long subscriber = app.getBean(MemberDirectory.class).findByEmail("subscriber@demo.test").orElseThrow().id();
			String privatePath = "/feed/" + app.getBean(FeedLinks.class).tokenOf(subscriber) + ".xml";
			HttpClient client = HttpClient.newHttpClient();
			HttpResponse<String> publicFeed = client.send(request(base + "/feed.xml", null),
					HttpResponse.BodyHandlers.ofString());
			HttpResponse<String> privateFeed = client.send(request(base + privatePath, null),
					HttpResponse.BodyHandlers.ofString());
			if (publicFeed.body().contains(GATED) || !privateFeed.body().contains(GATED)) {
				System.out.println(
						"FAILED: the public feed carries the paid article's gated text or the private one lacks it");
				System.exit(1);
			}
			System.out.printf(Locale.ROOT, "feeds: public %d bytes, private %d bytes; warming up %d s%n",
					publicFeed.body().length(), privateFeed.body().length(), warmupSeconds);
			String publicEtag = publicFeed.headers().firstValue("ETag").orElseThrow();
			String privateEtag = privateFeed.headers().firstValue("ETag").orElseThrow();
			List<Case> cases = List.of(new Case("public-200", base + "/feed.xml", null, 200),
					new Case("public-304", base + "/feed.xml", publicEtag, 304),
					new Case("private-200", base + privatePath, null, 200),
					new Case("private-304", base + privatePath, privateEtag, 304));
			for (Case each : cases) {
				load(client, each, threads, warmupSeconds / cases.size());
			}
			boolean failed = false;
			for (Case each : cases) {
				Result result = load(client, each, threads, seconds);
				System.out.printf(Locale.ROOT,
						"RESULT case=%s threads=%d requests_per_second=%.0f p50_ms=%.1f p95_ms=%.1f "
								+ "p99_ms=%.1f errors=%d%n",
						each.name(), threads, result.latencies().length / (double) seconds, result.percentile(50),
						result.percentile(95), result.percentile(99), result.errors());
				failed |= result.errors() > 0;
			}
			if (failed) {
				System.out.println("FAILED: some answers had another status than expected");
				System.exit(1);
			}
		}
		finally {
			FileSystemUtils.deleteRecursively(dataDir);
		}
	}

	private static HttpRequest request(String url, String etag) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
		return (etag == null ? request : request.header("If-None-Match", etag)).build();
	}

	private static Result load(HttpClient client, Case each, int threads, int seconds) throws InterruptedException {
		HttpRequest request = request(each.url(), each.etag());
		ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
		LongAdder errors = new LongAdder();
		AtomicBoolean running = new AtomicBoolean(true);
		List<Thread> workers = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			Thread worker = new Thread(() -> {
				while (running.get()) {
					long start = System.nanoTime();
					try {
						int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
						latencies.add(System.nanoTime() - start);
						if (status != each.status()) {
							errors.increment();
						}
					}
					catch (Exception ex) {
						errors.increment();
					}
				}
			});
			worker.start();
			workers.add(worker);
		}
		Thread.sleep(seconds * 1000L);
		running.set(false);
		for (Thread worker : workers) {
			worker.join();
		}
		long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
		return new Result(sorted, errors.sum());
	}

	private record Case(String name, String url, String etag, int status) {
	}

	private record Result(long[] latencies, long errors) {

		double percentile(int p) {
			return latencies.length == 0 ? 0
					: latencies[Math.min(latencies.length - 1, latencies.length * p / 100)] / 1e6;
		}

	}

}
