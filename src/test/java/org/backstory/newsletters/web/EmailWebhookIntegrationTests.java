package org.backstory.newsletters.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.core.instrument.MeterRegistry;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.newsletters.OptIns;
import org.backstory.newsletters.Suppression;
import org.backstory.newsletters.SuppressionReason;
import org.backstory.newsletters.Suppressions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The bounce and complaint webhook with a secret configured, posted to over HTTP as a
 * provider would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "backstory.newsletters.webhook-secret=" + EmailWebhookIntegrationTests.SECRET)
class EmailWebhookIntegrationTests {

	static final String SECRET = "test-webhook-secret-5d1f";

	@LocalServerPort
	int port;

	@Autowired
	Suppressions suppressions;

	@Autowired
	MemberDirectory directory;

	@Autowired
	OptIns optIns;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry meters;

	@Test
	void aWrongOrMissingSecretIsUnauthorizedAndChangesNothing() {
		String address = MemberFixtures.uniqueEmail("wrong-secret");
		ReportPoster poster = new ReportPoster(port);

		HttpResponse<String> wrong = poster.post(ReportPoster.report(address, "bounce"), SECRET + "x");
		HttpResponse<String> missing = poster.post(ReportPoster.report(address, "bounce"), null);

		assertThat(wrong.statusCode()).isEqualTo(401);
		assertThat(missing.statusCode()).isEqualTo(401);
		assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
		assertThat(suppressions.isSuppressed(address)).isFalse();
	}

	@Test
	void malformedJsonIsABadRequestWithTheReason() {
		HttpResponse<String> response = new ReportPoster(port).post("{\"address\": ", SECRET);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).isEqualTo("{\"error\":\"malformed JSON\"}");
	}

	@Test
	void aReportWithoutAddressIsABadRequest() {
		HttpResponse<String> response = new ReportPoster(port).post("{\"type\": \"bounce\"}", SECRET);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).isEqualTo("{\"error\":\"missing address\"}");
	}

	@Test
	void anUnknownTypeIsABadRequestAndChangesNothing() {
		String address = MemberFixtures.uniqueEmail("unknown-type");

		HttpResponse<String> response = new ReportPoster(port).post(ReportPoster.report(address, "delivered"), SECRET);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("unknown type");
		assertThat(suppressions.isSuppressed(address)).isFalse();
	}

	@Test
	void somethingThatIsNotAnAddressIsABadRequest() {
		HttpResponse<String> response = new ReportPoster(port).post(ReportPoster.report("not an address", "bounce"),
				SECRET);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).isEqualTo("{\"error\":\"address is not an email address\"}");
	}

	@Test
	void aBatchWithOneBadReportAppliesNone() {
		String bounced = MemberFixtures.uniqueEmail("batch-bounce");
		String complained = MemberFixtures.reader(directory, "batch-complaint");
		long member = directory.findByEmail(complained).orElseThrow().id();
		long newsletter = newsletter();
		optIns.choose(member, List.of(newsletter));

		HttpResponse<String> response = new ReportPoster(port)
			.post("[" + ReportPoster.report(bounced, "bounce") + ", " + ReportPoster.report(complained, "complaint")
					+ ", {\"address\": \"x@example.test\", \"type\": \"bounced\"}]", SECRET);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).startsWith("{\"error\":\"[2] unknown type");
		assertThat(suppressions.isSuppressed(bounced)).isFalse();
		assertThat(suppressions.isSuppressed(complained)).isFalse();
		assertThat(optIns.of(member)).containsExactly(newsletter);
	}

	@Test
	void aBatchIsAppliedAsAWhole() {
		String first = MemberFixtures.uniqueEmail("batch-first");
		String second = MemberFixtures.uniqueEmail("batch-second");
		String soft = MemberFixtures.uniqueEmail("batch-soft");

		HttpResponse<String> response = new ReportPoster(port).post("[" + ReportPoster.report(first, "bounce") + ", "
				+ ReportPoster.report(second, "complaint") + ", " + ReportPoster.report(soft, "soft-bounce") + "]",
				SECRET);

		assertThat(response.statusCode()).isEqualTo(202);
		assertThat(response.body()).isEqualTo("{\"accepted\":3}");
		assertThat(suppressions.isSuppressed(first)).isTrue();
		assertThat(suppressions.isSuppressed(second)).isTrue();
		assertThat(suppressions.isSuppressed(soft)).isFalse();
	}

	@Test
	void aBounceSuppressesTheAddressAndMarksTheLatestNewsletterMessageBounced() {
		String address = MemberFixtures.uniqueEmail("bounce");
		long newsletter = newsletter();
		Instant now = Instant.now().minusSeconds(60);
		long earlier = send(newsletter, address, now.minusSeconds(86_400));
		long latest = send(newsletter, address, now);

		HttpResponse<String> response = new ReportPoster(port).post("{\"address\": \"" + address.toUpperCase()
				+ "\", \"type\": \"bounce\", \"detail\": \"550 5.1.1 no such user\"}", SECRET);

		assertThat(response.statusCode()).isEqualTo(202);
		assertThat(response.body()).isEqualTo("{\"accepted\":1}");
		Suppression suppression = suppressions.find(address).orElseThrow();
		assertThat(suppression.reason()).isEqualTo(SuppressionReason.BOUNCE);
		assertThat(suppression.detail()).isEqualTo("550 5.1.1 no such user");
		assertThat(status(latest)).isEqualTo("bounced");
		assertThat(status(earlier)).isEqualTo("sent");
	}

	@Test
	void aNulInTheDetailIsDroppedNotA500() {
		String address = MemberFixtures.uniqueEmail("bounce-nul");

		HttpResponse<String> response = new ReportPoster(port).post("{\"address\": \"" + address
				+ "\", \"type\": \"bounce\", \"detail\": \"550 mailbox\\u0000unavailable\"}", SECRET);

		assertThat(response.statusCode()).isEqualTo(202);
		assertThat(suppressions.find(address).orElseThrow().detail()).isEqualTo("550 mailboxunavailable");
	}

	@Test
	void theSameBounceTwiceChangesNothingMore() {
		String address = MemberFixtures.uniqueEmail("bounce-twice");
		long newsletter = newsletter();
		Instant now = Instant.now().minusSeconds(60);
		long earlier = send(newsletter, address, now.minusSeconds(86_400));
		long latest = send(newsletter, address, now);
		ReportPoster poster = new ReportPoster(port);
		poster.post(ReportPoster.report(address, "bounce"), SECRET);
		Suppression first = suppressions.find(address).orElseThrow();

		HttpResponse<String> again = poster.post(ReportPoster.report(address, "bounce"), SECRET);

		assertThat(again.statusCode()).isEqualTo(202);
		assertThat(suppressions.find(address)).hasValue(first);
		assertThat(status(latest)).isEqualTo("bounced");
		assertThat(status(earlier)).as("the older message is not the one that bounced").isEqualTo("sent");
	}

	@Test
	void aComplaintSuppressesTheAddressAndOptsItsMemberOutOfEveryNewsletter() {
		String address = MemberFixtures.reader(directory, "complaint");
		long member = directory.findByEmail(address).orElseThrow().id();
		optIns.optIn(member, newsletter());
		optIns.optIn(member, newsletter());

		HttpResponse<String> response = new ReportPoster(port).post(ReportPoster.report(address, "complaint"), SECRET);

		assertThat(response.statusCode()).isEqualTo(202);
		assertThat(suppressions.find(address).orElseThrow().reason()).isEqualTo(SuppressionReason.COMPLAINT);
		assertThat(optIns.of(member)).isEmpty();
	}

	@Test
	void theSameComplaintTwiceChangesNothingMore() {
		String address = MemberFixtures.reader(directory, "complaint-twice");
		long member = directory.findByEmail(address).orElseThrow().id();
		optIns.optIn(member, newsletter());
		ReportPoster poster = new ReportPoster(port);
		poster.post(ReportPoster.report(address, "complaint"), SECRET);
		Suppression first = suppressions.find(address).orElseThrow();

		HttpResponse<String> again = poster.post(ReportPoster.report(address, "complaint"), SECRET);

		assertThat(again.statusCode()).isEqualTo(202);
		assertThat(suppressions.find(address)).hasValue(first);
		assertThat(optIns.of(member)).isEmpty();
	}

	@Test
	void aSoftBounceIsCountedButDoesNotSuppress() {
		String address = MemberFixtures.uniqueEmail("soft");
		double before = softBounces();

		HttpResponse<String> response = new ReportPoster(port).post(ReportPoster.report(address, "soft-bounce"),
				SECRET);

		assertThat(response.statusCode()).isEqualTo(202);
		assertThat(response.body()).isEqualTo("{\"accepted\":1}");
		assertThat(suppressions.isSuppressed(address)).isFalse();
		assertThat(softBounces()).isEqualTo(before + 1);
	}

	private double softBounces() {
		return meters.counter("backstory.mail.reports", "type", "soft-bounce").count();
	}

	/**
	 * A newsletter that is not on by default, so members other tests create do not get
	 * it.
	 */
	private long newsletter() {
		String slug = "webhook-" + UUID.randomUUID().toString().substring(0, 8);
		return jdbc
			.sql("""
					insert into newsletters.newsletter (slug, name, sender_name, sender_address, default_on, created_at, updated_at)
					values (:slug, :slug, 'Test', 'news@example.test', false, now(), now()) returning id""")
			.param("slug", slug)
			.query(Long.class)
			.single();
	}

	/**
	 * A finished send of a made-up article, with one message sent to {@code address} at
	 * {@code sentAt}.
	 */
	private long send(long newsletter, String address, Instant sentAt) {
		Timestamp at = Timestamp.from(sentAt);
		long send = jdbc
			.sql("""
					insert into newsletters.send (article_id, newsletter_id, audience, status, scheduled_at, created_at, recipients)
					values (:article, :newsletter, 'all', 'sent', :at, :at, 1) returning id""")
			.param("article", ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE))
			.param("newsletter", newsletter)
			.param("at", at)
			.query(Long.class)
			.single();
		jdbc.sql(
				"""
						insert into newsletters.recipient (send_id, member_id, address, name, edition, status, attempts, next_attempt_at, sent_at)
						values (:send, 1, :address, 'Reader', 'full', 'sent', 1, :at, :at)""")
			.param("send", send)
			.param("address", address)
			.param("at", at)
			.update();
		return send;
	}

	private String status(long send) {
		return jdbc.sql("select status from newsletters.recipient where send_id = :send")
			.param("send", send)
			.query(String.class)
			.single();
	}

}
