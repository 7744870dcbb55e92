package org.backstory.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.backstory.shared.StartRefused;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Crawler verification as Google describes it, with the DNS scripted: the user agent only
 * lets a request be checked; the reverse name must sit under the engine's domain on a
 * label boundary and resolve back to the address, or the address must be in a published
 * ranges file; verdicts are kept per address; a slow resolver is not waited for.
 */
class VerifiedCrawlersTests {

	static final String GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

	static final String BINGBOT = "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)";

	static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

	final MovableClock clock = new MovableClock();

	final ScriptedHostResolver dns = new ScriptedHostResolver();

	@Test
	void aVerifiedGooglebotAddressPasses() {
		dns.answer("66.249.66.1", "crawl-66-249-66-1.googlebot.com", "66.249.66.1");

		assertThat(crawlers("google").verified(new RequestOrigin("66.249.66.1", GOOGLEBOT))).isTrue();
	}

	@Test
	void aSpoofedGooglebotUserAgentFromAnUnverifiedAddressFails() {
		dns.answer("198.51.100.7", "pool-7.isp.example", "198.51.100.7");

		assertThat(crawlers("google").verified(new RequestOrigin("198.51.100.7", GOOGLEBOT))).isFalse();
		assertThat(crawlers("google").verified(new RequestOrigin("198.51.100.8", GOOGLEBOT))).isFalse();
	}

	@Test
	void aReverseNameOnlyEndingLikeGooglesFails() {
		dns.answer("198.51.100.9", "evilgooglebot.com", "198.51.100.9")
			.answer("198.51.100.10", "crawl.googlebot.com.evil.example", "198.51.100.10")
			.answer("198.51.100.11", "googlebot.com", "198.51.100.11");
		VerifiedCrawlers crawlers = crawlers("google");

		assertThat(crawlers.verified(new RequestOrigin("198.51.100.9", GOOGLEBOT))).isFalse();
		assertThat(crawlers.verified(new RequestOrigin("198.51.100.10", GOOGLEBOT))).isFalse();
		assertThat(crawlers.verified(new RequestOrigin("198.51.100.11", GOOGLEBOT))).isFalse();
	}

	@Test
	void aReverseNameThatDoesNotResolveBackToTheAddressFails() {
		dns.answer("198.51.100.12", "crawl-66-249-66-2.googlebot.com", "66.249.66.2");

		assertThat(crawlers("google").verified(new RequestOrigin("198.51.100.12", GOOGLEBOT))).isFalse();
	}

	@Test
	void googlesOtherCrawlerHostsPassAndItsUserTriggeredFetchersDoNot() {
		dns.answer("66.249.90.1", "rate-limited-proxy-66-249-90-1.google.com", "66.249.90.1")
			.answer("66.249.90.2", "geo-crawl-66-249-90-2.geo.googlebot.com.", "66.249.90.2")
			.answer("66.249.83.1", "google-proxy-66-249-83-1.google.com", "66.249.83.1")
			.answer("34.100.0.1", "1.100.34.bc.googleusercontent.com", "34.100.0.1");
		VerifiedCrawlers crawlers = crawlers("google");

		assertThat(crawlers.verified(new RequestOrigin("66.249.90.1", GOOGLEBOT))).isTrue();
		assertThat(crawlers.verified(new RequestOrigin("66.249.90.2", GOOGLEBOT))).isTrue();
		assertThat(crawlers.verified(new RequestOrigin("66.249.83.1", GOOGLEBOT))).isFalse();
		assertThat(crawlers.verified(new RequestOrigin("34.100.0.1", GOOGLEBOT))).isFalse();
	}

	@Test
	void bingbotPassesOnlyWhenBingIsNamed() {
		dns.answer("157.55.39.1", "msnbot-157-55-39-1.search.msn.com", "157.55.39.1");
		RequestOrigin bingbot = new RequestOrigin("157.55.39.1", BINGBOT);

		assertThat(crawlers("google,bing").verified(bingbot)).isTrue();
		assertThat(crawlers("google").verified(bingbot)).isFalse();
	}

	@Test
	void anAddressInThePublishedRangesPassesWithoutAskingTheDns(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("googlebot.json");
		Files.writeString(file, """
				{"creationTime": "2026-12-01T00:00:00.000000",
				 "prefixes": [{"ipv4Prefix": "66.249.64.0/27"}, {"ipv6Prefix": "2001:4860:4801:10::/64"}]}
				""");
		VerifiedCrawlers crawlers = new VerifiedCrawlers(properties("google", Duration.ofSeconds(1)),
				PublishedRanges.read(file.toString(), JsonMapper.builder().build()), dns, clock);

		assertThat(crawlers.verified(new RequestOrigin("66.249.64.31", GOOGLEBOT))).isTrue();
		assertThat(crawlers.verified(new RequestOrigin("2001:4860:4801:10::3f", GOOGLEBOT))).isTrue();
		assertThat(dns.reverseLookups("66.249.64.31")).isZero();
		assertThat(crawlers.verified(new RequestOrigin("66.249.64.32", GOOGLEBOT))).isFalse();
		assertThat(crawlers.verified(new RequestOrigin("66.249.64.31", BROWSER))).isFalse();
	}

	@Test
	void aRangesFileNotInThePublishedFormatStopsTheStart(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("ranges.json");
		Files.writeString(file, "{\"prefixes\": [{\"ipv4Prefix\": \"66.249.64.0/33\"}]}");

		assertThatThrownBy(() -> PublishedRanges.read(file.toString(), JsonMapper.builder().build()))
			.isInstanceOf(StartRefused.class)
			.hasMessageContaining("66.249.64.0/33");
		assertThatThrownBy(
				() -> PublishedRanges.read(dir.resolve("missing.json").toString(), JsonMapper.builder().build()))
			.isInstanceOf(StartRefused.class)
			.hasMessageContaining("missing.json");
	}

	@Test
	void aSlowResolverMakesTheAddressNotVerifiedWithoutBeingWaitedFor() throws InterruptedException {
		CountDownLatch answer = new CountDownLatch(1);
		HostResolver hung = new HostResolver() {

			@Override
			public Optional<String> nameOf(InetAddress address) {
				try {
					answer.await(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return Optional.of("crawl-66-249-66-3.googlebot.com");
			}

			@Override
			public List<InetAddress> addressesOf(String host) {
				return dns.addressesOf(host);
			}

		};
		dns.answer("66.249.66.3", "crawl-66-249-66-3.googlebot.com", "66.249.66.3");
		VerifiedCrawlers crawlers = new VerifiedCrawlers(properties("google", Duration.ofMillis(50)),
				PublishedRanges.none(), hung, clock);
		try {
			assertThat(crawlers.verified(new RequestOrigin("66.249.66.3", GOOGLEBOT))).isFalse();
			assertThat(answer.getCount()).as("the resolver has not answered yet").isEqualTo(1);
		}
		finally {
			answer.countDown();
			crawlers.stop();
		}
	}

	@Test
	void verdictsAreKeptPerAddressNegativesTooUntilTheyExpire() {
		dns.answer("66.249.66.4", "crawl-66-249-66-4.googlebot.com", "66.249.66.4")
			.answer("198.51.100.13", "pool-13.isp.example", "198.51.100.13");
		VerifiedCrawlers crawlers = crawlers("google");

		for (int i = 0; i < 3; i++) {
			assertThat(crawlers.verified(new RequestOrigin("66.249.66.4", GOOGLEBOT))).isTrue();
			assertThat(crawlers.verified(new RequestOrigin("198.51.100.13", GOOGLEBOT))).isFalse();
		}
		assertThat(dns.reverseLookups("66.249.66.4")).isEqualTo(1);
		assertThat(dns.reverseLookups("198.51.100.13")).isEqualTo(1);

		clock.advance(Duration.ofHours(1));
		crawlers.verified(new RequestOrigin("66.249.66.4", GOOGLEBOT));

		assertThat(dns.reverseLookups("66.249.66.4")).isEqualTo(2);
	}

	@Test
	void withTheSettingOffNoOneIsVerifiedAndTheDnsIsNeverAsked() {
		dns.answer("66.249.66.5", "crawl-66-249-66-5.googlebot.com", "66.249.66.5");

		assertThat(crawlers("").verified(new RequestOrigin("66.249.66.5", GOOGLEBOT))).isFalse();
		assertThat(dns.reverseLookups("66.249.66.5")).isZero();
	}

	@Test
	void aRequestWithoutACrawlersUserAgentNeverCostsALookup() {
		dns.answer("66.249.66.6", "crawl-66-249-66-6.googlebot.com", "66.249.66.6");
		VerifiedCrawlers crawlers = crawlers("google,bing");

		assertThat(crawlers.verified(new RequestOrigin("66.249.66.6", BROWSER))).isFalse();
		assertThat(crawlers.verified(new RequestOrigin("66.249.66.6", "Mozilla/5.0 (compatible; GoogleOther)")))
			.isFalse();
		assertThat(crawlers.verified(new RequestOrigin("66.249.66.6", null))).isFalse();
		assertThat(crawlers.verified(new RequestOrigin("crawl-66-249-66-6.googlebot.com", GOOGLEBOT))).isFalse();
		assertThat(dns.reverseLookups("66.249.66.6")).isZero();
	}

	@Test
	void anEngineBackstoryCannotVerifyStopsTheStart() {
		assertThatThrownBy(() -> crawlers("google,yandex")).isInstanceOf(StartRefused.class)
			.hasMessageContaining("yandex");
	}

	private VerifiedCrawlers crawlers(String engines) {
		return new VerifiedCrawlers(properties(engines, Duration.ofSeconds(5)), PublishedRanges.none(), dns, clock);
	}

	private static CrawlerProperties properties(String engines, Duration dnsTimeout) {
		return new CrawlerProperties(engines, "", Duration.ofHours(1), dnsTimeout);
	}

	/** A clock that stands still until moved. */
	static final class MovableClock extends Clock {

		private volatile Instant now = Instant.parse("2026-12-07T08:00:00Z");

		void advance(Duration duration) {
			now = now.plus(duration);
		}

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
