package org.backstory.access;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which search engines' crawlers read gated articles whole, once their address is
 * verified ({@link VerifiedCrawlers}).
 *
 * @param verified the engines, comma-separated: {@code google}, {@code bing}; empty (the
 * default) verifies no one ({@code BACKSTORY_VERIFIED_CRAWLERS})
 * @param ranges files of the address ranges the engines publish (Google's
 * {@code googlebot.json} format), comma-separated paths, read once at start; an address
 * in one is verified without DNS ({@code BACKSTORY_VERIFIED_CRAWLER_RANGES})
 * @param verdictTtl how long a verdict about one address is kept, negatives included
 * @param dnsTimeout the most a page waits for the DNS lookups of one address; past it the
 * address is not verified
 */
@ConfigurationProperties("backstory.crawlers")
record CrawlerProperties(@DefaultValue("") String verified, @DefaultValue("") String ranges,
		@DefaultValue("1h") Duration verdictTtl, @DefaultValue("500ms") Duration dnsTimeout) {
}
