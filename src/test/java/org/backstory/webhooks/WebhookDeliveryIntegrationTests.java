package org.backstory.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.backstory.OwnDatabase;
import org.backstory.Visitor;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.backstory.publishing.SettableClock;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Delivery over real HTTP to a receiver on loopback: the secret shown once and checked by
 * the receiver, the headers, retries with growing waits, a 410 that disables the webhook,
 * the list of deliveries and "send again", and the form's refusals. A member's account
 * creation is the change that fires the webhooks here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SettableClock.Configuration.class)
@OwnDatabase("webhooks")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookDeliveryIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory directory;

	@Autowired
	HookDeliveries deliveries;

	@Autowired
	MeterRegistry meters;

	@Autowired
	SettableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	HookRepository hookRepository;

	@Autowired
	HookSecrets secrets;

	@Autowired
	TransactionOperations transactions;

	private WebhookReceiver receiver;

	private Visitor administrator;

	@BeforeAll
	void signIn() {
		administrator = new Visitor(port);
		administrator.signIn(MemberFixtures.account(directory, "hooks-admin", MemberRole.ADMINISTRATOR),
				MemberFixtures.PASSWORD);
	}

	@BeforeEach
	void startReceiver() {
		receiver = WebhookReceiver.start();
	}

	/**
	 * This class has its database to itself: no webhook outlives its test, even a failed
	 * one.
	 */
	@AfterEach
	void realTimeAndNoWebhooks() {
		receiver.close();
		clock.reset();
		jdbc.sql("delete from webhooks.hook").update();
	}

	@Test
	void theSecretIsShownOnceSealedInTheDatabaseAndSignsEveryBody() {
		WebhookFixtures.AddedHook hook = WebhookFixtures.add(administrator, "member.added", receiver.url("/signed"));
		String email = MemberFixtures.reader(directory, "signed");

		WebhookReceiver.Received request = receiver.awaitBody(email);

		assertThat(request.path()).isEqualTo("/signed");
		assertThat(request.header("Content-Type")).isEqualTo("application/json");
		assertThat(request.header("Content-Version")).isEqualTo("v5.0");
		assertThat(request.signedWith(hook.secret())).isTrue();
		assertThat(request.signedWith(hook.secret() + "0")).isFalse();
		assertThat(hook.secret()).matches("[0-9a-f]{64}");
		assertThat(administrator.get("/admin/webhooks").body()).doesNotContain(hook.secret());
		assertThat(administrator.get("/admin/webhooks/" + hook.id()).body()).doesNotContain(hook.secret());
		byte[] stored = jdbc.sql("select sealed_secret from webhooks.hook where id = ?")
			.param(hook.id())
			.query(byte[].class)
			.single();
		assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(hook.secret());
		assertThat(stored.length).isGreaterThan(64);
		WebhookFixtures.delete(administrator, hook.id());
	}

	@Test
	void aFailingReceiverIsRetriedFiveTimesWithGrowingWaitsThenTheDeliveryFails() {
		WebhookFixtures.AddedHook hook = WebhookFixtures.add(administrator, "member.added", receiver.url("/flaky"));
		double failedBefore = failedAttempts();
		receiver.answer(500, 500, 500, 500, 500, 500);
		String email = MemberFixtures.reader(directory, "flaky");
		assertThat(receiver.await(1, request -> request.body().contains(email))).hasSize(1);

		for (int retry = 1; retry <= HookDeliveries.RETRIES; retry++) {
			awaitAttempts(hook.id(), retry);
			Duration wait = Duration.ofMinutes(1L << (retry - 1));
			clock.advance(wait.minusSeconds(5));
			deliveries.deliverDue();
			assertThat(receiver.matching(request -> request.body().contains(email))).as("not before the wait")
				.hasSize(retry);
			clock.advance(Duration.ofSeconds(5));
			deliveries.deliverDue();
			assertThat(receiver.await(retry + 1, request -> request.body().contains(email))).hasSize(retry + 1);
		}
		awaitAttempts(hook.id(), HookDeliveries.RETRIES + 1);
		clock.advance(Duration.ofHours(2));
		deliveries.deliverDue();

		assertThat(receiver.matching(request -> request.body().contains(email))).as("one try and five retries")
			.hasSize(6);
		Element row = deliveryRows(hook.id()).get(0);
		assertThat(row.selectFirst(".delivery-status").text()).isEqualTo("failed");
		assertThat(row.selectFirst(".delivery-code").text()).isEqualTo("500");
		assertThat(row.selectFirst(".delivery-attempts").text()).isEqualTo("6");
		assertThat(failedAttempts() - failedBefore).as("backstory_webhooks_deliveries_total{outcome=failed}")
			.isEqualTo(6);
		WebhookFixtures.delete(administrator, hook.id());
	}

	private double failedAttempts() {
		return meters.get("backstory.webhooks.deliveries").tag("outcome", "failed").counter().count();
	}

	@Test
	void aGoneAnswerDisablesTheWebhook() {
		WebhookFixtures.AddedHook hook = WebhookFixtures.add(administrator, "member.added", receiver.url("/gone"));
		receiver.answer(410);
		String first = MemberFixtures.reader(directory, "gone");
		receiver.awaitBody(first);
		awaitState(hook.id(), "disabled");

		String second = MemberFixtures.reader(directory, "after-gone");

		Document page = administrator.get("/admin/webhooks/" + hook.id()).document();
		assertThat(page.selectFirst(".webhook-state").text()).startsWith("disabled: The receiver answered 410 Gone");
		assertThat(deliveryRows(hook.id())).hasSize(1);
		assertThat(deliveryRows(hook.id()).get(0).selectFirst(".delivery-code").text()).isEqualTo("410");
		assertThat(receiver.matching(request -> request.body().contains(second))).isEmpty();
		WebhookFixtures.delete(administrator, hook.id());
	}

	@Test
	void aDeliveryIsListedAndSentAgainWithAFreshSignature() {
		WebhookFixtures.AddedHook hook = WebhookFixtures.add(administrator, "member.added", receiver.url("/again"));
		String email = MemberFixtures.reader(directory, "again");
		WebhookReceiver.Received first = receiver.awaitBody(email);
		awaitStatus(hook.id(), "delivered");
		Element row = deliveryRows(hook.id()).get(0);
		assertThat(row.text()).contains("member.added", "delivered", "200", "UTC");
		long deliveryId = Long.parseLong(row.id().substring("delivery-".length()));
		clock.advance(Duration.ofSeconds(3));

		Visitor.Page answer = administrator.submit("/admin/webhooks/" + hook.id(),
				"/admin/webhooks/" + hook.id() + "/deliveries/" + deliveryId + "/send-again", Map.of());

		assertThat(answer.status()).isEqualTo(303);
		List<WebhookReceiver.Received> both = receiver.await(2, request -> request.body().contains(email));
		assertThat(both).hasSize(2);
		assertThat(both.get(1).body()).isEqualTo(first.body());
		assertThat(both.get(1).signedWith(hook.secret())).isTrue();
		assertThat(both.get(1).signedAt()).isGreaterThan(first.signedAt());
		awaitStatus(hook.id(), "delivered");
		assertThat(deliveryRows(hook.id())).hasSize(2);
		WebhookFixtures.delete(administrator, hook.id());
	}

	@Test
	void aDisabledWebhookSendsNothingUntilEnabledAgain() {
		WebhookFixtures.AddedHook hook = WebhookFixtures.add(administrator, "member.added", receiver.url("/paused"));
		assertThat(administrator
			.submit("/admin/webhooks/" + hook.id(), "/admin/webhooks/" + hook.id() + "/disable", Map.of())
			.status()).isEqualTo(303);
		String whilePaused = MemberFixtures.reader(directory, "paused");
		assertThat(administrator
			.submit("/admin/webhooks/" + hook.id(), "/admin/webhooks/" + hook.id() + "/enable", Map.of())
			.status()).isEqualTo(303);

		String afterwards = MemberFixtures.reader(directory, "resumed");

		receiver.awaitBody(afterwards);
		assertThat(receiver.matching(request -> request.body().contains(whilePaused))).isEmpty();
		assertThat(jdbc.sql("select count(*) from webhooks.delivery where hook_id = ?")
			.param(hook.id())
			.query(Long.class)
			.single()).isEqualTo(1);
		WebhookFixtures.delete(administrator, hook.id());
		assertThat(administrator.get("/admin/webhooks/" + hook.id()).status()).isEqualTo(404);
		assertThat(jdbc.sql("select count(*) from webhooks.delivery where hook_id = ?")
			.param(hook.id())
			.query(Long.class)
			.single()).as("deleted with the webhook").isZero();
	}

	@Test
	void theFormRefusesBadTargetsAndAddsNothing() {
		long before = hooks();
		for (String[] refused : new String[][] {
				{ "ftp://example.com/in", "Only http:// and https:// URLs can receive webhooks." },
				{ "http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local address" },
				{ "http://10.0.0.7/in", "10.0.0.7 is a private address" },
				{ "http://[fd00::1]/in", "is a unique-local address" }, { "", "Enter the URL to send to." } }) {
			Visitor.Page page = administrator.submit("/admin/webhooks", "/admin/webhooks",
					Map.of("event", "post.published", "targetUrl", refused[0]));

			assertThat(page.status()).as(refused[0]).isEqualTo(422);
			assertThat(page.document().select(".field-error").text()).as(refused[0]).contains(refused[1]);
		}
		Visitor.Page unknownEvent = administrator.submit("/admin/webhooks", "/admin/webhooks",
				Map.of("event", "site.changed", "targetUrl", "https://example.com/in"));
		assertThat(unknownEvent.status()).isEqualTo(422);
		assertThat(unknownEvent.document().select(".field-error").text()).contains("Choose one of the events.");
		assertThat(hooks()).isEqualTo(before);
	}

	/**
	 * A webhook added while the allowed networks were wider (here: written as such) is
	 * checked again on every send: the address connected to must be allowed now.
	 */
	@Test
	void aTargetIsCheckedAgainWhenSendingAndRefusedWhenItsAddressIsNotAllowed() {
		long hookId = transactions.execute(status -> hookRepository.insertHook("member.added",
				"http://127.0.0.2:" + receiver.port() + "/elsewhere", "", 1, clock.instant(),
				id -> secrets.seal(id, HookSecrets.generate())));
		MemberFixtures.reader(directory, "loopback-two");

		awaitStatus(hookId, "pending");
		Element row = deliveryRows(hookId).get(0);
		assertThat(row.selectFirst(".delivery-code").text()).isEqualTo("none");
		assertThat(row.text()).contains("Not sent: 127.0.0.2 resolves to 127.0.0.2 is a loopback address");
		assertThat(receiver.matching(request -> request.path().equals("/elsewhere"))).isEmpty();
		WebhookFixtures.delete(administrator, hookId);
	}

	private long hooks() {
		return jdbc.sql("select count(*) from webhooks.hook").query(Long.class).single();
	}

	private List<Element> deliveryRows(long hookId) {
		return administrator.get("/admin/webhooks/" + hookId).document().select("tr[id^=delivery-]");
	}

	/** Waits until the newest delivery has been attempted and has this status. */
	private void awaitStatus(long hookId, String status) {
		for (int i = 0; i < 100; i++) {
			List<Element> rows = deliveryRows(hookId);
			if (!rows.isEmpty() && !rows.get(0).selectFirst(".delivery-attempts").text().equals("0")
					&& rows.get(0).selectFirst(".delivery-status").text().equals(status)) {
				return;
			}
			sleep();
		}
		throw new AssertionError("the newest delivery of webhook " + hookId + " never became " + status);
	}

	/**
	 * Waits until the attempt is recorded (the receiver sees the request a moment
	 * before).
	 */
	private void awaitAttempts(long hookId, int attempts) {
		for (int i = 0; i < 100; i++) {
			if (jdbc.sql("select coalesce(max(attempts), 0) from webhooks.delivery where hook_id = ?")
				.param(hookId)
				.query(Integer.class)
				.single() >= attempts) {
				return;
			}
			sleep();
		}
		throw new AssertionError("webhook " + hookId + " never made attempt " + attempts);
	}

	private void awaitState(long hookId, String state) {
		for (int i = 0; i < 100; i++) {
			if (administrator.get("/admin/webhooks/" + hookId)
				.document()
				.selectFirst(".webhook-state")
				.text()
				.startsWith(state)) {
				return;
			}
			sleep();
		}
		throw new AssertionError("webhook " + hookId + " never became " + state);
	}

	private static void sleep() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
