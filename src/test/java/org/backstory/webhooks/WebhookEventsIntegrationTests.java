package org.backstory.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.backstory.OwnDatabase;
import org.backstory.Visitor;
import org.backstory.admin.AdminProbe;
import org.backstory.api.AdminApiTokens;
import org.backstory.api.ContentApiFixtures;
import org.backstory.api.Integration;
import org.backstory.api.Integrations;
import org.backstory.api.IssuedIntegration;
import org.backstory.billing.BillingFixtures;
import org.backstory.billing.BillingInterval;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.SandboxCards;
import org.backstory.billing.checkout.CheckoutService;
import org.backstory.billing.payment.RefundOutcome;
import org.backstory.billing.payment.Refunds;
import org.backstory.billing.renewal.RenewalRun;
import org.backstory.billing.subscription.SubscriptionChanges;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.backstory.members.SignedInMember;
import org.backstory.publishing.ArticleFixtures;
import org.backstory.publishing.SettableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every event fired by the action that causes it: articles published, edited, unpublished
 * and scheduled in the newsroom over HTTP (a scheduled one announces itself when its time
 * comes); a reader signing up, staff noting, labelling and deleting them over HTTP, and
 * an integration adding and editing one through the Admin API; a checkout, a refund, a
 * declined renewal and a cancellation through billing's services. One webhook per event
 * posts to its own path on a loopback receiver, and each body is checked as a receiver
 * would read it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SettableClock.Configuration.class)
@OwnDatabase("webhooks")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookEventsIntegrationTests {

	private static final String FREE = "A free paragraph about the harbour.";

	private static final String GATED = "The gated paragraph about the harbour deal";

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory directory;

	@Autowired
	PlanCatalog plans;

	@Autowired
	CheckoutService checkouts;

	@Autowired
	Refunds refunds;

	@Autowired
	RenewalRun renewals;

	@Autowired
	SubscriptionChanges changes;

	@Autowired
	SettableClock clock;

	@Autowired
	HookDeliveries deliveries;

	@Autowired
	ScheduledPosts scheduledPosts;

	@Autowired
	TransactionOperations transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Integrations integrations;

	private final JsonMapper json = new JsonMapper();

	private final WebhookReceiver receiver = WebhookReceiver.start();

	private final Map<String, String> secrets = new HashMap<>();

	private Visitor administrator;

	private Visitor editor;

	@BeforeAll
	void webhookForEveryEvent() {
		administrator = new Visitor(port);
		administrator.signIn(MemberFixtures.account(directory, "events-admin", MemberRole.ADMINISTRATOR),
				MemberFixtures.PASSWORD);
		editor = new Visitor(port);
		editor.signIn(MemberFixtures.account(directory, "events-editor", MemberRole.EDITOR), MemberFixtures.PASSWORD);
		for (WebhookEvent event : WebhookEvent.values()) {
			secrets.put(event.key(),
					WebhookFixtures.add(administrator, event.key(), receiver.url("/" + event.key())).secret());
		}
	}

	@AfterEach
	void realTime() {
		clock.reset();
	}

	@AfterAll
	void removeWebhooks() {
		receiver.close();
		jdbc.sql("delete from webhooks.hook").update();
		jdbc.sql("delete from webhooks.snapshot").update();
	}

	@Test
	void articleEventsFollowTheNewsroom() {
		String slug = ArticleFixtures.unique("hooked");
		Map<String, String> fields = articleFields(slug);
		long id = write(fields);

		assertThat(editor.submit("/admin/articles/" + id, "/admin/articles/" + id + "/publish", Map.of()).status())
			.isEqualTo(302);
		JsonNode published = post("post.published", slug);
		assertThat(published.at("/current/id").asString()).isEqualTo(String.valueOf(id));
		assertThat(published.at("/current/status").asString()).isEqualTo("published");
		assertThat(published.at("/current/visibility").asString()).isEqualTo("paid");
		assertThat(published.at("/current/access").asBoolean()).isFalse();
		assertThat(published.at("/current/html").asString()).contains(FREE).doesNotContain(GATED);
		assertThat(published.at("/current/plaintext").asString()).contains(FREE).doesNotContain(GATED);
		assertThat(published.at("/current/url").asString()).endsWith("/p/" + slug);
		assertThat(published.at("/current/published_at").asString())
			.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+00:00");
		assertThat(published.at("/current/authors/0/slug").asString()).isNotEmpty();
		assertThat(published.at("/current/primary_author/slug").asString())
			.isEqualTo(published.at("/current/authors/0/slug").asString());

		Map<String, String> edited = new HashMap<>(fields);
		edited.put("title", "A new title for " + slug);
		assertThat(editor.submit("/admin/articles/" + id, "/admin/articles/" + id, edited).status()).isEqualTo(302);
		JsonNode change = post("post.published.edited", slug);
		assertThat(change.at("/current/title").asString()).isEqualTo("A new title for " + slug);
		assertThat(change.at("/previous/title").asString()).isEqualTo("Title of " + slug);
		assertThat(change.at("/previous").has("slug")).as("unchanged keys are not in previous").isFalse();

		assertThat(editor.submit("/admin/articles/" + id, "/admin/articles/" + id + "/unpublish", Map.of()).status())
			.isEqualTo(302);
		JsonNode unpublished = post("post.unpublished", slug);
		assertThat(unpublished.at("/current/status").asString()).isEqualTo("draft");
		assertThat(unpublished.at("/current/published_at").isNull()).isTrue();
		assertThat(unpublished.at("/previous/status").asString()).isEqualTo("published");
		assertThat(unpublished.at("/previous/published_at").asString()).isNotEmpty();
	}

	@Test
	void deletingAnArticleOverTheAdminApiSendsItAsItWas() throws Exception {
		assertThat(
				administrator.get("/admin/webhooks").document().select("select[name=event] option").eachAttr("value"))
			.contains("post.deleted");
		String slug = ArticleFixtures.unique("deleted-hook");
		long id = write(articleFields(slug));
		assertThat(editor.submit("/admin/articles/" + id, "/admin/articles/" + id + "/publish", Map.of()).status())
			.isEqualTo(302);
		String name = ArticleFixtures.unique("events-integration");
		IssuedIntegration integration = integrations.create(0, name, MemberRole.EDITOR);
		try {
			HttpResponse<String> deleted = HttpClient.newHttpClient()
				.send(HttpRequest
					.newBuilder(URI.create("http://127.0.0.1:" + port + "/ghost/api/admin/posts/" + id + "/"))
					.header("Authorization", "Ghost " + AdminApiTokens.token(integration.adminKey(), clock.instant()))
					.header("Accept-Version", "v5.0")
					.DELETE()
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);

			JsonNode post = post("post.deleted", slug);
			assertThat(post.get("current").isEmpty()).as("nothing is current after a deletion").isTrue();
			assertThat(post.at("/previous/id").asString()).isEqualTo(String.valueOf(id));
			assertThat(post.at("/previous/status").asString()).isEqualTo("published");
			assertThat(post.at("/previous/title").asString()).isEqualTo("Title of " + slug);
			assertThat(post.at("/previous/access").asBoolean()).isFalse();
			assertThat(post.at("/previous/html").asString()).contains(FREE).doesNotContain(GATED);
			assertThat(post.at("/previous/plaintext").asString()).contains(FREE).doesNotContain(GATED);
			assertThat(post.at("/previous/excerpt").asString()).doesNotContain(GATED);
		}
		finally {
			AdminProbe.forgetActor(jdbc, Integration.actorId(integration.integration().id()));
			ContentApiFixtures.remove(jdbc, name);
		}
	}

	@Test
	void aScheduledArticleAnnouncesItselfWhenItsTimeComes() {
		String slug = ArticleFixtures.unique("scheduled-hook");
		long id = write(articleFields(slug));
		Instant at = clock.instant().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);
		String instance = id + "@" + at.toEpochMilli();

		assertThat(editor
			.submit("/admin/articles/" + id, "/admin/articles/" + id + "/schedule",
					Map.of("at", LocalDateTime.ofInstant(at, ZoneOffset.UTC).toString()))
			.status()).isEqualTo(302);

		assertThat(jdbc.sql("""
				select count(*) from scheduled_tasks
				where task_name = 'webhook-scheduled-post' and task_instance = ? and execution_time = ?
				""").params(instance, at.atOffset(ZoneOffset.UTC)).query(Long.class).single()).isEqualTo(1);
		transactions.executeWithoutResult(status -> scheduledPosts.timeCame(instance));
		assertThat(deliveriesAbout(slug)).as("nothing before its time").isZero();

		clock.advance(Duration.ofHours(2).plusMinutes(1));
		transactions.executeWithoutResult(status -> scheduledPosts.timeCame(instance));
		deliveries.deliverDue();

		JsonNode published = post("post.published", slug);
		assertThat(published.at("/current/status").asString()).isEqualTo("published");
		assertThat(published.at("/current/published_at").asString())
			.startsWith(LocalDateTime.ofInstant(at, ZoneOffset.UTC).toString());
		transactions
			.executeWithoutResult(status -> scheduledPosts.timeCame(id + "@" + at.minusSeconds(60).toEpochMilli()));
		assertThat(deliveriesAbout(slug)).as("a task for an older schedule does nothing").isEqualTo(1);
	}

	private long deliveriesAbout(String slug) {
		return jdbc.sql("select count(*) from webhooks.delivery where body like ?")
			.param("%\"slug\":\"" + slug + "\"%")
			.query(Long.class)
			.single();
	}

	@Test
	void memberEventsFollowSignUpAndStaffChanges() {
		String email = MemberFixtures.uniqueEmail("hooked");
		Visitor reader = new Visitor(port);
		assertThat(reader.submit("/signup", "/signup", Map.of("email", email, "name", "Hooked Reader")).status())
			.isLessThan(400);
		JsonNode added = member("member.added", email);
		assertThat(added.at("/current/name").asString()).isEqualTo("Hooked Reader");
		assertThat(added.at("/current/status").asString()).isEqualTo("free");
		assertThat(added.at("/previous").isEmpty()).isTrue();
		long memberId = Long.parseLong(added.at("/current/id").asString());
		String page = "/admin/members/" + memberId;

		administrator.submit(page, page + "/note", Map.of("note", "Met at the harbour talk"));
		JsonNode noted = member("member.edited", "Met at the harbour talk");
		assertThat(noted.at("/previous/note").isNull()).isTrue();
		administrator.submit(page, page + "/labels", Map.of("label", "Harbour Talk"));
		JsonNode labelled = member("member.edited", "harbour-talk");
		assertThat(labelled.at("/current/labels/0/name").asString()).isEqualTo("Harbour Talk");
		assertThat(labelled.at("/previous/labels").isEmpty()).isTrue();

		assertThat(administrator.submit(page + "/delete", page + "/delete", Map.of("email", email)).status())
			.isEqualTo(303);
		JsonNode deleted = member("member.deleted", email);
		assertThat(deleted.at("/current").isEmpty()).isTrue();
		assertThat(deleted.at("/previous/email").asString()).isEqualTo(email);
		assertThat(jdbc.sql("select count(*) from webhooks.snapshot where kind = 'member' and object_id = ?")
			.param(memberId)
			.query(Long.class)
			.single()).as("the member's last body is forgotten").isZero();
	}

	@Test
	void memberEventsFollowAdminApiWritesAsTheyFollowTheMemberPage() throws Exception {
		String name = ArticleFixtures.unique("events-members-api");
		IssuedIntegration integration = integrations.create(0, name, MemberRole.ADMINISTRATOR);
		String email = MemberFixtures.uniqueEmail("api-hooked");
		try {
			HttpResponse<String> added = adminApi(integration, "POST", "members/", """
					{"members":[{"email":"%s","name":"Api Reader","labels":[{"name":"Api Label"}]}]}"""
				.formatted(email));
			assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
			JsonNode member = member("member.added", email);
			assertThat(member.at("/current/name").asString()).isEqualTo("Api Reader");
			assertThat(member.at("/current/labels/0/slug").asString()).as("labels are in before the announcement")
				.isEqualTo("api-label");
			String id = member.at("/current/id").asString();

			HttpResponse<String> edited = adminApi(integration, "PUT", "members/" + id + "/",
					"{\"members\":[{\"name\":\"Api Reader Renamed\"}]}");
			assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
			JsonNode renamed = member("member.edited", "Api Reader Renamed");
			assertThat(renamed.at("/previous/name").asString()).isEqualTo("Api Reader");
		}
		finally {
			AdminProbe.forgetActor(jdbc, Integration.actorId(integration.integration().id()));
			ContentApiFixtures.remove(jdbc, name);
		}
	}

	private HttpResponse<String> adminApi(IssuedIntegration integration, String method, String path, String body)
			throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ghost/api/admin/" + path))
				.header("Authorization", "Ghost " + AdminApiTokens.token(integration.adminKey(), clock.instant()))
				.header("Accept-Version", "v5.0")
				.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void staffAccountsAreNotMembers() {
		String staff = MemberFixtures.account(directory, "hooked-staff", MemberRole.EDITOR);
		String reader = MemberFixtures.reader(directory, "hooked-after-staff");

		receiver.awaitBody(reader);
		assertThat(jdbc.sql("select count(*) from webhooks.delivery where body like ?")
			.param("%" + staff + "%")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void subscriptionAndPaymentEventsFollowBilling() {
		Plan plan = plans.createPlan(BillingFixtures.newPlan());
		SignedInMember member = BillingFixtures.subscribedMember(directory, checkouts, plan, BillingInterval.MONTH,
				SandboxCards.FIRST_CHARGE_ONLY);

		JsonNode started = billing("subscription.started", member.email());
		assertThat(started.at("/current/status").asString()).isEqualTo("active");
		assertThat(started.at("/current/kind").asString()).isEqualTo("paid");
		assertThat(started.at("/current/interval").asString()).isEqualTo("month");
		assertThat(started.at("/current/amount").asLong()).isEqualTo(500);
		assertThat(started.at("/current/member/id").asString()).isEqualTo(String.valueOf(member.id()));
		JsonNode paid = billing("payment.succeeded", member.email());
		assertThat(paid.at("/current/purpose").asString()).isEqualTo("checkout");
		assertThat(paid.at("/current/amount").asLong()).isEqualTo(500);
		long paymentId = Long.parseLong(paid.at("/current/id").asString());

		assertThat(refunds.refund(1, paymentId, 120, "goodwill", UUID.randomUUID().toString()))
			.isInstanceOf(RefundOutcome.Refunded.class);
		JsonNode refunded = billing("payment.refunded", "\"payment_id\":\"" + paymentId + "\"");
		assertThat(refunded.at("/current/amount").asLong()).isEqualTo(120);

		SignedInMember other = BillingFixtures.subscribedMember(directory, checkouts, plan, BillingInterval.MONTH,
				SandboxCards.SUCCEEDS);
		changes.cancel(other.id());
		JsonNode canceled = billing("subscription.canceled", other.email());
		assertThat(canceled.at("/current/status").asString()).isEqualTo("canceled");

		clock.advance(Duration.ofDays(32));
		renewals.runDue();
		// db-scheduler keeps real time, 32 days behind this clock: the sweeper's pass
		// sends what is due.
		deliveries.deliverDue();
		JsonNode pastDue = billing("subscription.past_due", member.email());
		assertThat(pastDue.at("/current/status").asString()).isEqualTo("past_due");

	}

	/**
	 * The {@code post} of the body the event's webhook received for this article, its
	 * signature checked.
	 */
	private JsonNode post(String event, String slug) {
		return inner(event, "\"slug\":\"" + slug + "\"", "post");
	}

	private JsonNode member(String event, String text) {
		return inner(event, text, "member");
	}

	private JsonNode billing(String event, String text) {
		return inner(event, text, event.startsWith("payment.refunded") ? "refund"
				: event.startsWith("payment") ? "payment" : "subscription");
	}

	private JsonNode inner(String event, String text, String kind) {
		WebhookReceiver.Received request = receiver
			.await(1, received -> received.path().equals("/" + event) && received.body().contains(text))
			.stream()
			.reduce((first, later) -> later)
			.orElseThrow(() -> new AssertionError("no " + event + " body containing " + text));
		assertThat(request.signedWith(secrets.get(event))).as(event + " signed with its webhook's secret").isTrue();
		JsonNode body = json.readTree(request.body());
		assertThat(body.propertyNames()).containsExactly(kind);
		return body.get(kind);
	}

	private Map<String, String> articleFields(String slug) {
		String authors = editor.get("/admin/articles/new").document().selectFirst("input[name=authors]").attr("value");
		return ArticleFixtures.paidArticleForm(slug, "", FREE + "\n\n<!-- paywall -->\n\n" + GATED + " " + slug + ".",
				authors);
	}

	private long write(Map<String, String> fields) {
		Visitor.Page saved = editor.submit("/admin/articles/new", "/admin/articles", fields);
		assertThat(saved.status()).as(saved.body()).isEqualTo(302);
		String location = saved.header("Location");
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

}
