package org.backstory.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.backstory.Visitor;
import org.backstory.access.ScriptedHostResolver;
import org.jsoup.nodes.Document;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * The verified-crawler path over HTTP (crawler verification is on in tests, with scripted
 * DNS and a ranges file of documentation addresses): a verified Googlebot reads a paid
 * demo article whole, inside the element the JSON-LD names, in a response no shared cache
 * may keep; a Googlebot user agent from anywhere else, or a browser at the crawler's
 * address, reads the preview like any anonymous reader.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VerifiedCrawlerIntegrationTests {

	static final String GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

	static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

	static final String PAID_ARTICLE = "/p/port-anselm-summits";

	static final String GATED = "The delegations ate lunch at separate tables";

	@LocalServerPort
	int port;

	@Autowired
	ScriptedHostResolver dns;

	@Autowired
	JsonMapper json;

	@Test
	void aVerifiedGooglebotGetsTheWholeArticleInsideTheMarkedWrapperForItsEyesOnly() {
		dns.answer("203.0.113.10", "crawl-203-0-113-10.googlebot.com", "203.0.113.10");

		Visitor.Page page = new Visitor(port, "203.0.113.10", GOOGLEBOT).get(PAID_ARTICLE);

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.header("Cache-Control")).startsWith("private");
		assertThat(gatedPart(page.document()).text()).contains(GATED);
		assertThat(page.document().select(".paywall-box")).isEmpty();
	}

	@Test
	void aSpoofedGooglebotFromAnUnverifiedAddressGetsThePreview() {
		dns.answer("203.0.113.11", "crawl-203-0-113-11.evilgooglebot.com", "203.0.113.11");

		Visitor.Page page = new Visitor(port, "203.0.113.11", GOOGLEBOT).get(PAID_ARTICLE);

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).doesNotContain(GATED);
		assertThat(gatedPart(page.document()).select(".paywall-box")).hasSize(1);
		assertThat(page.header("Cache-Control")).isEqualTo(ReadingCacheHeaders.SHARED);
	}

	@Test
	void aBrowserAtAVerifiedCrawlersAddressGetsThePreview() {
		dns.answer("203.0.113.12", "crawl-203-0-113-12.googlebot.com", "203.0.113.12");
		assertThat(new Visitor(port, "203.0.113.12", GOOGLEBOT).get(PAID_ARTICLE).body()).contains(GATED);

		Visitor.Page page = new Visitor(port, "203.0.113.12", BROWSER).get(PAID_ARTICLE);

		assertThat(page.body()).doesNotContain(GATED);
		assertThat(page.header("Cache-Control")).isEqualTo(ReadingCacheHeaders.SHARED);
	}

	@Test
	void anAddressInThePublishedRangesGetsTheWholeArticleWithoutALookup() {
		for (String address : new String[] { "192.0.2.9", "2001:db8:4801:10::9" }) {
			Visitor.Page page = new Visitor(port, address, GOOGLEBOT).get(PAID_ARTICLE);

			assertThat(gatedPart(page.document()).text()).as(address).contains(GATED);
			assertThat(page.header("Cache-Control")).as(address).startsWith("private");
			assertThat(dns.reverseLookups(address)).as(address).isZero();
		}
	}

	@Test
	void oneLookupServesEveryVisitFromTheSameAddress() {
		dns.answer("203.0.113.13", "crawl-203-0-113-13.googlebot.com", "203.0.113.13");
		Visitor crawler = new Visitor(port, "203.0.113.13", GOOGLEBOT);

		for (int i = 0; i < 3; i++) {
			assertThat(crawler.get(PAID_ARTICLE).body()).contains(GATED);
		}

		assertThat(dns.reverseLookups("203.0.113.13")).isEqualTo(1);
	}

	/**
	 * The element the JSON-LD's {@code hasPart.cssSelector} names: exactly one on the
	 * page.
	 */
	private Elements gatedPart(Document page) {
		String selector = json.readTree(page.selectFirst("script[type=application/ld+json]").data())
			.path("hasPart")
			.path("cssSelector")
			.asString();
		Elements part = page.select(selector);
		assertThat(part).hasSize(1);
		return part;
	}

}
