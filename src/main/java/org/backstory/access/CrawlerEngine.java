package org.backstory.access;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.backstory.shared.StartRefused;

/**
 * A search engine whose crawler may be verified, with the host domains its crawlers'
 * addresses reverse-resolve to and the user-agent words its search crawlers send. The
 * words are only a cheap filter before the DNS: a user agent alone never verifies anyone.
 * Only the crawlers that index for search (and Google's URL inspection, which shows the
 * publisher what Googlebot sees) are let through; Google's other crawlers (GoogleOther,
 * Storebot, AdsBot) and Bing's previews and ads crawler read as anyone.
 */
enum CrawlerEngine {

	/**
	 * Googlebot: {@code crawl-….googlebot.com}, {@code geo-crawl-….geo.googlebot.com},
	 * and {@code google.com} hosts as Google documents for its crawlers
	 * ({@code rate-limited-proxy-….google.com}). Google's user-triggered fetchers
	 * ({@code google-proxy-….google.com}, {@code ….googleusercontent.com}, where anyone's
	 * App Engine code runs) fetch for a person, so they are refused.
	 */
	GOOGLE(List.of("googlebot.com", "google.com"), List.of("google-proxy-"),
			List.of("googlebot", "google-inspectiontool")),
	/** Bingbot: {@code msnbot-….search.msn.com}. */
	BING(List.of("search.msn.com"), List.of(), List.of("bingbot", "msnbot"));

	private final List<String> domains;

	private final List<String> refusedHostPrefixes;

	private final List<String> userAgentWords;

	CrawlerEngine(List<String> domains, List<String> refusedHostPrefixes, List<String> userAgentWords) {
		this.domains = domains;
		this.refusedHostPrefixes = refusedHostPrefixes;
		this.userAgentWords = userAgentWords;
	}

	/**
	 * Whether a reverse-resolved host name is one of this engine's crawlers: strictly
	 * under one of its domains, on a label boundary ({@code crawl-1.googlebot.com} is,
	 * {@code evilgooglebot.com} and {@code googlebot.com.evil.test} are not).
	 */
	boolean crawlerHost(String host) {
		String name = host.toLowerCase(Locale.ROOT).replaceFirst("\\.$", "");
		String firstLabel = name.substring(0, Math.max(0, name.indexOf('.')));
		return refusedHostPrefixes.stream().noneMatch(firstLabel::startsWith)
				&& domains.stream().anyMatch(domain -> name.endsWith("." + domain));
	}

	/**
	 * Whether a user agent says it is one of this engine's crawlers (which proves nothing
	 * by itself).
	 */
	boolean claimedBy(String userAgent) {
		String agent = userAgent.toLowerCase(Locale.ROOT);
		return userAgentWords.stream().anyMatch(agent::contains);
	}

	/**
	 * The engines named in {@code BACKSTORY_VERIFIED_CRAWLERS}.
	 * @throws StartRefused naming a word that is not an engine
	 */
	static Set<CrawlerEngine> parse(String names) {
		Set<CrawlerEngine> engines = EnumSet.noneOf(CrawlerEngine.class);
		for (String name : names.split(",")) {
			String word = name.strip().toUpperCase(Locale.ROOT);
			if (word.isEmpty()) {
				continue;
			}
			try {
				engines.add(valueOf(word));
			}
			catch (IllegalArgumentException ex) {
				throw new StartRefused("BACKSTORY_VERIFIED_CRAWLERS names \"" + name.strip()
						+ "\", which is not a search engine " + "Backstory can verify.",
						"Set it to google, bing, both (google,bing) or nothing.");
			}
		}
		return engines;
	}

}
