package org.backstory;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Prometheus endpoint over HTTP: who may scrape it, that it lists every business
 * metric beside the JVM and HTTP ones, and that a sign-up and a paywall impression move
 * their counters (by deltas: the counters are the shared context's). Renewals are counted
 * in {@code RenewalRunIntegrationTests}, whose clock moves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MetricsIntegrationTests {

	/** A paid demo article (demo/README.md). */
	private static final String PAID_ARTICLE = "/p/port-anselm-summits";

	private static final String SIGNUPS = "backstory_members_signups_total";

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory members;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aScrapeWithTheTokenListsEveryBusinessMetricBesideTheJvmAndHttpOnes() {
		new Visitor(port).get("/");

		MetricsScrape scrape = MetricsScrape.of(port);

		assertThat(scrape.names()).contains(SIGNUPS, "backstory_billing_paid_conversions_total",
				"backstory_billing_mrr", "backstory_billing_renewals_total", "backstory_mail_sent_total",
				"backstory_mail_reports_total", "backstory_webhooks_deliveries_total",
				"backstory_paywall_impressions_total", "jvm_memory_used_bytes", "jvm_threads_live_threads",
				"process_cpu_usage", "http_server_requests_seconds_count");
		for (String series : List.of("backstory_billing_renewals_total{outcome=\"succeeded\"}",
				"backstory_billing_renewals_total{outcome=\"failed\"}", "backstory_mail_sent_total{stream=\"system\"}",
				"backstory_mail_sent_total{stream=\"newsletter\"}", "backstory_mail_reports_total{type=\"bounce\"}",
				"backstory_mail_reports_total{type=\"complaint\"}",
				"backstory_webhooks_deliveries_total{outcome=\"succeeded\"}",
				"backstory_webhooks_deliveries_total{outcome=\"failed\"}",
				"backstory_paywall_impressions_total{state=\"anonymous\"}",
				"backstory_paywall_impressions_total{state=\"free\"}",
				"backstory_paywall_impressions_total{state=\"past_due_beyond_grace\"}",
				"backstory_billing_mrr{currency=\"USD\"}")) {
			assertThat(scrape.value(series)).as(series).isGreaterThanOrEqualTo(0);
		}
	}

	@Test
	void theMetricsAreForTheTokenAndTheOwnerOnly() {
		assertThat(new Visitor(port).get("/actuator/prometheus").body()).doesNotContain("backstory_");
		assertThat(new Visitor(port).get("/actuator/prometheus", "Authorization", "Bearer wrong-" + MetricsScrape.TOKEN)
			.body()).doesNotContain("backstory_");
		assertThat(
				new Visitor(port).get("/actuator/prometheus", "Authorization", "Basic " + MetricsScrape.TOKEN).body())
			.doesNotContain("backstory_");
		Visitor reader = new Visitor(port);
		reader.signIn(MemberFixtures.reader(members, "scraper"), MemberFixtures.PASSWORD);
		assertThat(reader.get("/actuator/prometheus").status()).isEqualTo(403);

		Visitor.Page owner = Visitor.demoAccount(port, "owner@demo.test").get("/actuator/prometheus");

		assertThat(owner.status()).isEqualTo(200);
		assertThat(owner.body()).contains(SIGNUPS);
	}

	@Test
	void aScrapeStartsNoSession() {
		long before = MemberFixtures.sessionRows(jdbc);
		Visitor scraper = new Visitor(port);

		Visitor.Page page = scraper.get("/actuator/prometheus", "Authorization", "Bearer " + MetricsScrape.TOKEN);

		assertThat(page.status()).isEqualTo(200);
		assertThat(scraper.cookie("backstory_session")).isNull();
		assertThat(MemberFixtures.sessionRows(jdbc)).isEqualTo(before);
	}

	@Test
	void aSignUpCountsOneAndASignUpWithAKnownAddressNone() {
		String email = MemberFixtures.uniqueEmail("counted");
		double before = MetricsScrape.of(port).value(SIGNUPS);

		new Visitor(port).submit("/signup", "/signup", Map.of("email", email, "name", "Counted Reader"));
		double afterOne = MetricsScrape.of(port).value(SIGNUPS);
		new Visitor(port).submit("/signup", "/signup", Map.of("email", email, "name", "Counted Again"));

		assertThat(afterOne - before).isEqualTo(1);
		assertThat(MetricsScrape.of(port).value(SIGNUPS)).isEqualTo(afterOne);
	}

	@Test
	void theConfirmationMailOfASignUpCountsAsSystemMailSent() {
		String sent = "backstory_mail_sent_total{stream=\"system\"}";
		double before = MetricsScrape.of(port).value(sent);

		new Visitor(port).submit("/signup", "/signup",
				Map.of("email", MemberFixtures.uniqueEmail("mailed"), "name", "Mailed Reader"));

		// Delivered by a task after the sign-up commits.
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(MetricsScrape.of(port).value(sent)).isGreaterThan(before));
	}

	@Test
	void aPaywallBoxCountsOneImpressionForTheReadersStateAndAWholeArticleNone() {
		String anonymous = "backstory_paywall_impressions_total{state=\"anonymous\"}";
		String free = "backstory_paywall_impressions_total{state=\"free\"}";
		String paid = "backstory_paywall_impressions_total{state=\"paid_active\"}";
		MetricsScrape before = MetricsScrape.of(port);
		Visitor reader = new Visitor(port);
		reader.signIn(MemberFixtures.reader(members, "walled"), MemberFixtures.PASSWORD);

		assertThat(new Visitor(port).get(PAID_ARTICLE).document().select(".paywall-box")).hasSize(1);
		assertThat(reader.get(PAID_ARTICLE).document().select(".paywall-box")).hasSize(1);
		assertThat(reader.get(PAID_ARTICLE).document().select(".paywall-box")).hasSize(1);
		assertThat(
				Visitor.demoAccount(port, "subscriber@demo.test").get(PAID_ARTICLE).document().select(".paywall-box"))
			.isEmpty();

		MetricsScrape after = MetricsScrape.of(port);
		assertThat(after.value(anonymous) - before.value(anonymous)).isEqualTo(1);
		assertThat(after.value(free) - before.value(free)).isEqualTo(2);
		assertThat(after.value(paid)).isEqualTo(before.value(paid));
	}

}
