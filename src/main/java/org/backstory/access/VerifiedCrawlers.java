package org.backstory.access;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells whether a request comes from a search engine's crawler, the way the engines say
 * to check (Google's "verifying Googlebot"): the client address is in a range the engine
 * publishes, or it reverse-resolves to a host under the engine's crawler domains and that
 * host resolves back to the same address. The user agent is only a filter in front, so
 * ordinary readers never cost a DNS lookup; it never verifies anyone by itself.
 *
 * <p>
 * Verdicts are kept per address for {@link CrawlerProperties#verdictTtl()}, negatives
 * too, and one lookup serves every request that arrives while it runs. The lookups run on
 * two threads of their own and a page waits for them at most
 * {@link CrawlerProperties#dnsTimeout()}: a slow or hung resolver makes the address not
 * verified (and is remembered so), never a request thread held up.
 */
@Component
class VerifiedCrawlers {

	private static final Logger log = LoggerFactory.getLogger(VerifiedCrawlers.class);

	/**
	 * Past this many remembered addresses the cache starts again, so forged user agents
	 * cannot fill the memory.
	 */
	private static final int MAX_REMEMBERED = 10_000;

	private final Set<CrawlerEngine> engines;

	private final PublishedRanges ranges;

	private final HostResolver resolver;

	private final CrawlerProperties properties;

	private final Clock clock;

	private final Map<InetAddress, Verdict> verdicts = new ConcurrentHashMap<>();

	private final ThreadPoolExecutor lookups;

	@Autowired
	VerifiedCrawlers(CrawlerProperties properties, HostResolver resolver, JsonMapper json, Clock clock) {
		this(properties, PublishedRanges.read(properties.ranges(), json), resolver, clock);
	}

	VerifiedCrawlers(CrawlerProperties properties, PublishedRanges ranges, HostResolver resolver, Clock clock) {
		this.engines = CrawlerEngine.parse(properties.verified());
		this.ranges = ranges;
		this.resolver = resolver;
		this.properties = properties;
		this.clock = clock;
		this.lookups = new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(64),
				runnable -> {
					Thread thread = new Thread(runnable, "crawler-dns");
					thread.setDaemon(true);
					return thread;
				}, new ThreadPoolExecutor.AbortPolicy());
	}

	/**
	 * Whether the request comes from a verified crawler of one of the configured engines.
	 */
	boolean verified(RequestOrigin origin) {
		String agent = origin.userAgent();
		if (engines.isEmpty() || agent == null || engines.stream().noneMatch(engine -> engine.claimedBy(agent))) {
			return false;
		}
		Optional<InetAddress> address = IpAddresses.parse(origin.clientAddress());
		if (address.isEmpty()) {
			return false;
		}
		if (ranges.contains(address.get())) {
			return true;
		}
		Verdict verdict = verdictFor(address.get());
		return verdict != null && verdict.answer().join();
	}

	/**
	 * The kept verdict, or a new lookup; null when the lookup threads are all busy (not
	 * verified, not kept).
	 */
	private @Nullable Verdict verdictFor(InetAddress address) {
		Instant now = clock.instant();
		Verdict kept = verdicts.get(address);
		if (kept != null && now.isBefore(kept.expires())) {
			return kept;
		}
		if (verdicts.size() >= MAX_REMEMBERED) {
			verdicts.clear();
		}
		try {
			return verdicts.compute(address,
					(key, current) -> current != null && now.isBefore(current.expires()) ? current
							: new Verdict(CompletableFuture.supplyAsync(() -> lookUp(key), lookups)
								.exceptionally(this::failed)
								.completeOnTimeout(false, properties.dnsTimeout().toMillis(), TimeUnit.MILLISECONDS),
									now.plus(properties.verdictTtl())));
		}
		catch (RejectedExecutionException ex) {
			log.warn("crawler verification skipped: the DNS lookups are backed up, address={}",
					address.getHostAddress());
			return null;
		}
	}

	/**
	 * Reverse, then forward: the name must be a crawler host and must resolve back to the
	 * address.
	 */
	private boolean lookUp(InetAddress address) {
		Optional<String> host = resolver.nameOf(address);
		boolean verified = host.isPresent() && engines.stream().anyMatch(engine -> engine.crawlerHost(host.get()))
				&& resolver.addressesOf(host.get()).contains(address);
		log.info("crawler verification address={} host={} verified={}", address.getHostAddress(), host.orElse(""),
				verified);
		return verified;
	}

	private boolean failed(Throwable ex) {
		log.warn("crawler verification failed: {}", ex.toString());
		return false;
	}

	@PreDestroy
	void stop() {
		lookups.shutdownNow();
	}

	private record Verdict(CompletableFuture<Boolean> answer, Instant expires) {
	}

}
