package org.backstory.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.backstory.admin.AdminProbe;
import org.backstory.admin.AdminProbe.AuditEntry;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.SubscriptionService;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.backstory.members.MemberRoster;
import org.backstory.members.MembersProbe;
import org.backstory.newsletters.Newsletter;
import org.backstory.newsletters.NewsletterFixtures;
import org.backstory.newsletters.NewsletterProbe;
import org.backstory.newsletters.Newsletters;
import org.backstory.publishing.ArticleFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ghost's Admin API members over real HTTP with tokens signed as Ghost's client signs
 * them: a member added, read and edited with labels and newsletters in Ghost's shape and
 * through the members module's audit log; every filter of the subset, alone and joined
 * with {@code +} and {@code ,}, with search, pages and order; bad input answered 4xx in
 * Ghost's envelope without writing anything; and who may do what (editors read,
 * administrators write, staff accounts are never members here).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminApiMembersIntegrationTests {

	private static final String API = "/ghost/api/admin/";

	@LocalServerPort
	int port;

	@Autowired
	Integrations integrations;

	@Autowired
	MemberRoster roster;

	@Autowired
	MemberDirectory directory;

	@Autowired
	Newsletters newsletters;

	@Autowired
	SubscriptionService subscriptions;

	@Autowired
	PlanCatalog plans;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	Clock clock;

	private final HttpClient http = HttpClient.newHttpClient();

	private final String name = ArticleFixtures.unique("api-members");

	/**
	 * Every address of the test ends so; the test's own labels start with {@link #name}.
	 */
	private final String domain = "@" + name + ".test";

	private final List<Long> integrationIds = new ArrayList<>();

	private String administratorKey;

	private String editorKey;

	private String authorKey;

	private Newsletter newsletter;

	@BeforeAll
	void keysAndANewsletter() {
		administratorKey = key(MemberRole.ADMINISTRATOR);
		editorKey = key(MemberRole.EDITOR);
		authorKey = key(MemberRole.AUTHOR);
		newsletter = NewsletterFixtures.newsletter(newsletters, name, false);
	}

	private String key(MemberRole role) {
		IssuedIntegration issued = integrations.create(0, name + " " + role, role);
		integrationIds.add(issued.integration().id());
		return issued.adminKey();
	}

	@AfterAll
	void cleanUp() {
		MembersProbe.idsWithEmailLike(jdbc, "%" + domain)
			.forEach(id -> roster.delete(Integration.actorId(integrationIds.get(0)), id));
		NewsletterProbe.forgetNewsletter(jdbc, newsletter.id());
		for (long id : integrationIds) {
			AdminProbe.forgetActor(jdbc, Integration.actorId(id));
		}
		ContentApiFixtures.remove(jdbc, name);
	}

	@Test
	void aMemberIsAddedReadAndEditedWithLabelsAndNewslettersInGhostsShape() throws Exception {
		String email = "Reader" + domain;
		HttpResponse<String> added = send("POST", "members/", administratorKey, """
				{"members":[{"email":"%s","name":"Ada Reader","note":"Met at the fair",
				  "labels":[{"name":"%s VIP"},"%s new"],"newsletters":[{"id":"%d"}]}]}""".formatted(email, name, name,
				newsletter.id()));
		assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
		JsonNode member = json.readTree(added.body()).get("members").get(0);
		String id = member.get("id").asString();
		assertThat(added.headers().firstValue("location").orElseThrow()).endsWith(API + "members/" + id + "/");
		assertThat(member.get("uuid").asString()).matches("[0-9a-f-]{36}");
		assertThat(member.get("email").asString()).isEqualTo(email);
		assertThat(member.get("name").asString()).isEqualTo("Ada Reader");
		assertThat(member.get("note").asString()).isEqualTo("Met at the fair");
		assertThat(member.get("status").asString()).isEqualTo("free");
		assertThat(member.get("comped").asBoolean()).isFalse();
		assertThat(member.get("subscribed").asBoolean()).isTrue();
		assertThat(member.get("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
		assertThat(member.get("updated_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
		assertThat(member.get("labels")).extracting(label -> label.get("name").asString())
			.containsExactlyInAnyOrder(name + " VIP", name + " new");
		assertThat(member.get("labels")).extracting(label -> label.get("slug").asString()).contains(name + "-vip");
		assertThat(member.get("newsletters")).hasSize(1);
		assertThat(member.at("/newsletters/0/id").asString()).isEqualTo(Long.toString(newsletter.id()));
		assertThat(member.at("/newsletters/0/name").asString()).isEqualTo(newsletter.name());
		assertThat(member.at("/newsletters/0/status").asString()).isEqualTo("active");
		assertThat(member.get("subscriptions").isArray() && member.get("subscriptions").isEmpty()).isTrue();
		assertThat(member.get("tiers").isEmpty()).isTrue();
		assertThat(member.at("/email_suppression/suppressed").asBoolean()).isFalse();
		assertThat(member.get("avatar_image").isNull()).isTrue();
		assertThat(member.has("geolocation") && member.has("last_seen_at")).isTrue();

		HttpResponse<String> read = send("GET", "members/" + id + "/", editorKey, null);
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(json.readTree(read.body()).get("members").get(0)).isEqualTo(member);
		assertThat(json.readTree(read.body()).has("meta")).isFalse();
		assertThat(read.headers().firstValue("cache-control").orElseThrow()).contains("no-store");
		assertThat(member.get("last_seen_at").isNull()).isTrue();
		jdbc.sql("update members.member set last_seen_at = timestamptz '2026-12-01 08:00:00Z' where id = ?")
			.param(Long.parseLong(id))
			.update();
		assertThat(json.readTree(send("GET", "members/" + id + "/", editorKey, null).body())
			.at("/members/0/last_seen_at")
			.asString()).isEqualTo("2026-12-01T08:00:00.000Z");

		HttpResponse<String> edited = send("PUT", "members/" + id + "/", administratorKey, """
				{"members":[{"name":"Ada Lovelace","note":"","labels":[{"slug":"%s-vip"},{"name":"%s paying"}],
				  "newsletters":[],"email":"ada%s","id":"%s","status":"free","comped":false}]}""".formatted(name, name,
				domain, id));
		assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
		JsonNode after = json.readTree(edited.body()).get("members").get(0);
		assertThat(after.get("name").asString()).isEqualTo("Ada Lovelace");
		assertThat(after.get("email").asString()).isEqualTo("ada" + domain);
		assertThat(after.get("note").isNull()).isTrue();
		assertThat(after.get("labels")).extracting(label -> label.get("name").asString())
			.containsExactlyInAnyOrder(name + " VIP", name + " paying");
		assertThat(after.get("subscribed").asBoolean()).isFalse();
		assertThat(after.get("newsletters").isEmpty()).isTrue();

		HttpResponse<String> resubscribed = send("PUT", "members/" + id + "/", administratorKey,
				"{\"members\":[{\"subscribed\":false}]}");
		assertThat(resubscribed.statusCode()).isEqualTo(200);

		long actor = Integration.actorId(integrationIds.get(0));
		assertThat(AdminProbe.entriesBy(jdbc, actor)
			.stream()
			.filter(entry -> entry.subject().equals("member " + id))
			.map(AuditEntry::action)).contains("member.added", "member.edited", "member.note-changed",
					"member.labelled", "member.unlabelled", "member.newsletters-changed");
	}

	@Test
	void filtersSearchPagesAndOrderAsGhostsClientsSendThem() throws Exception {
		String a = add("alpha" + domain, "Alpha", name + " gold", true);
		String b = add("beta" + domain, "Beta", name + " gold", false);
		String c = add("gamma" + domain, "Gamma", name + " silver", true);
		String tier = plans.activePlans().get(0).tier();
		subscriptions.grantComp(Long.parseLong(c), tier, null);
		String gold = name + "-gold";
		String silver = name + "-silver";

		assertThat(ids("label:" + gold)).containsExactly(b, a);
		assertThat(ids("labels.slug:" + gold + "+subscribed:false")).containsExactly(b);
		assertThat(ids("label:" + gold + ",label:" + silver)).containsExactly(c, b, a);
		assertThat(ids("label:[" + gold + "," + silver + "]+subscribed:true")).containsExactly(c, a);
		assertThat(ids("email:'beta" + domain + "'")).containsExactly(b);
		assertThat(ids("email:'BETA" + domain + "'")).as("addresses match in any case").containsExactly(b);
		String both = "label:[" + gold + "," + silver + "]";
		assertThat(ids(both + "+label:-" + gold)).containsExactly(c);
		assertThat(ids("status:comped+" + both)).containsExactly(c);
		assertThat(ids("status:free+" + both)).containsExactly(b, a);
		assertThat(ids("status:paid+" + both)).isEmpty();
		assertThat(ids("newsletters.slug:" + newsletter.slug())).containsExactly(c, a);
		assertThat(ids("newsletters:" + newsletter.slug() + "+(label:" + silver + ",name:'Beta')")).containsExactly(c);

		JsonNode comped = browse("filter=" + encode("id:" + c)).get("members").get(0);
		assertThat(comped.get("status").asString()).isEqualTo("comped");
		assertThat(comped.get("comped").asBoolean()).isTrue();
		assertThat(comped.at("/tiers/0/id").asString()).isEqualTo(tier);

		JsonNode searched = browse("search=" + encode(domain));
		assertThat(searched.get("members")).extracting(m -> m.get("id").asString()).contains(a, b, c);
		JsonNode page = browse("filter=" + encode("email:~'" + domain + "'+" + both) + "&limit=2&page=2");
		assertThat(page.get("members")).extracting(m -> m.get("id").asString()).containsExactly(a);
		assertThat(page.at("/meta/pagination/total").asInt()).isEqualTo(3);
		assertThat(page.at("/meta/pagination/pages").asInt()).isEqualTo(2);
		assertThat(page.at("/meta/pagination/prev").asInt()).isEqualTo(1);
		assertThat(page.at("/meta/pagination/next").isNull()).isTrue();
		JsonNode oldestFirst = browse("filter=" + encode(both) + "&order=" + encode("created_at asc") + "&limit=2");
		assertThat(oldestFirst.get("members")).extracting(m -> m.get("id").asString()).containsExactly(a, b);
	}

	@Test
	void badInputIs4xxInGhostsEnvelopeAndWritesNothing() throws Exception {
		String taken = add("taken" + domain, "Taken", name + " taken", false);
		String body = "{\"members\":[{\"email\":\"%s\"%s}]}";
		assertError(send("POST", "members/", administratorKey, body.formatted("not-an-address", "")), 422,
				"ValidationError");
		JsonNode duplicate = assertError(
				send("POST", "members/", administratorKey, body.formatted("TAKEN" + domain, "")), 422,
				"ValidationError");
		assertThat(duplicate.get("message").asString()).isEqualTo("Member already exists");
		assertThat(duplicate.get("context").asString())
			.isEqualTo("Attempting to add member with existing email address.");
		assertError(send("POST", "members/", administratorKey, "{\"members\":[{\"name\":\"No Address\"}]}"), 422,
				"ValidationError");
		String fresh = "fresh" + domain;
		assertError(send("POST", "members/", administratorKey,
				body.formatted(fresh, ",\"newsletters\":[{\"id\":\"999999999\"}]")), 422, "ValidationError");
		assertError(
				send("POST", "members/", administratorKey,
						body.formatted(fresh, ",\"labels\":[{\"slug\":\"no-such-label-" + name + "\"}]")),
				422, "ValidationError");
		assertError(send("POST", "members/", administratorKey, body.formatted(fresh, ",\"note\":\"a\\u0000b\"")), 422,
				"ValidationError");
		assertError(send("POST", "members/", administratorKey,
				body.formatted(fresh, ",\"note\":\"" + "n".repeat(2001) + "\"")), 422, "ValidationError");
		assertError(
				send("POST", "members/", administratorKey, body.formatted(fresh, ",\"labels\":[{\"name\":\"a,b\"}]")),
				422, "ValidationError");
		assertError(send("POST", "members/", administratorKey, body.formatted(fresh, ",\"comped\":true")), 422,
				"ValidationError");
		assertError(send("POST", "members/", administratorKey, body.formatted(fresh, ",\"favourite\":\"x\"")), 422,
				"ValidationError");
		assertError(send("POST", "members/", administratorKey, body.formatted(fresh, ",\"name\":42")), 422,
				"ValidationError");
		assertError(send("POST", "members/", administratorKey, "{\"members\":[{\"email\":"), 400, "BadRequestError");
		assertError(send("POST", "members/", administratorKey, "{\"posts\":[{\"email\":\"" + fresh + "\"}]}"), 422,
				"ValidationError");
		assertThat(MemberFixtures.members(jdbc, fresh)).as("nothing refused was written").isZero();

		assertThat(send("PUT", "members/" + taken + "/", administratorKey,
				"{\"members\":[{\"email\":\"alpha-taken" + domain + "\"}]}")
			.statusCode()).isEqualTo(200);
		String other = add("other" + domain, "Other", name + " taken", false);
		assertThat(assertError(
				send("PUT", "members/" + other + "/", administratorKey,
						"{\"members\":[{\"email\":\"alpha-taken" + domain + "\",\"name\":\"Changed\"}]}"),
				422, "ValidationError")
			.get("context")
			.asString()).isEqualTo("Attempting to edit member with existing email address.");
		assertThat(roster.find(Long.parseLong(other)).orElseThrow().name()).as("a refused edit changes nothing")
			.isEqualTo("Other");
		assertError(send("PUT", "members/999999999/", administratorKey, "{\"members\":[{\"name\":\"x\"}]}"), 404,
				"NotFoundError");
		assertError(send("GET", "members/999999999/", administratorKey, null), 404, "NotFoundError");
		assertError(send("GET", "members/not-a-number/", administratorKey, null), 404, "NotFoundError");

		for (String filter : List.of("labels.name:x", "status:gold", "email:>'a'", "subscribed:maybe", "label:null",
				"status:(free", "created_at:>'2020-01-01'")) {
			JsonNode error = assertError(send("GET", "members/?filter=" + encode(filter), editorKey, null), 400,
					"BadRequestError");
			assertThat(error.get("message").asString()).as(filter).isEqualTo("Error parsing filter");
		}
		assertError(send("GET", "members/?order=" + encode("email asc"), editorKey, null), 400, "BadRequestError");
		assertError(send("GET", "members/?limit=lots", editorKey, null), 400, "BadRequestError");
	}

	@Test
	void editorsReadAdministratorsWriteAndStaffAccountsAreNoMembers() throws Exception {
		String member = add("guarded" + domain, "Guarded", name + " guarded", false);
		HttpResponse<String> noToken = http.send(request("GET", "members/", null).build(),
				HttpResponse.BodyHandlers.ofString());
		assertError(noToken, 403, "NoPermissionError");
		assertError(send("GET", "members/", authorKey, null), 403, "NoPermissionError");
		assertError(send("GET", "members/" + member + "/", authorKey, null), 403, "NoPermissionError");
		assertThat(send("GET", "members/", editorKey, null).statusCode()).isEqualTo(200);
		assertError(send("POST", "members/", editorKey, "{\"members\":[{\"email\":\"editor-made" + domain + "\"}]}"),
				403, "NoPermissionError");
		assertError(send("PUT", "members/" + member + "/", editorKey, "{\"members\":[{\"name\":\"Renamed\"}]}"), 403,
				"NoPermissionError");
		assertThat(MemberFixtures.members(jdbc, "editor-made" + domain)).isZero();
		assertThat(roster.find(Long.parseLong(member)).orElseThrow().name()).isEqualTo("Guarded");

		String staffEmail = MemberFixtures.account(directory, "api-staff", MemberRole.EDITOR);
		long staffId = directory.findByEmail(staffEmail).orElseThrow().id();
		assertError(send("GET", "members/" + staffId + "/", administratorKey, null), 404, "NotFoundError");
		assertError(send("PUT", "members/" + staffId + "/", administratorKey,
				"{\"members\":[{\"email\":\"taken-over" + domain + "\"}]}"), 404, "NotFoundError");
		assertThat(directory.findByEmail(staffEmail)).as("a staff sign-in address is out of an integration's reach")
			.isPresent();
		assertThat(ids("email:'" + staffEmail + "'")).isEmpty();
	}

	/** Adds a member through the API and returns its id. */
	private String add(String email, String memberName, String label, boolean subscribed) throws Exception {
		HttpResponse<String> response = send("POST", "members/", administratorKey, """
				{"members":[{"email":"%s","name":"%s","labels":[{"name":"%s"}],"newsletters":[%s]}]}""".formatted(email,
				memberName, label, subscribed ? "{\"id\":\"" + newsletter.id() + "\"}" : ""));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return json.readTree(response.body()).at("/members/0/id").asString();
	}

	private List<String> ids(String filter) throws Exception {
		JsonNode answer = browse("filter=" + encode(filter) + "&limit=all");
		List<String> ids = new ArrayList<>();
		answer.get("members").forEach(member -> ids.add(member.get("id").asString()));
		assertThat(answer.at("/meta/pagination/total").asInt()).as(filter).isEqualTo(ids.size());
		return ids;
	}

	private JsonNode browse(String query) throws Exception {
		HttpResponse<String> response = send("GET", "members/?" + query, editorKey, null);
		assertThat(response.statusCode()).as(query + ": " + response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private HttpResponse<String> send(String method, String path, String key, String body) throws Exception {
		return http.send(request(method, path, body)
			.header("Authorization", "Ghost " + AdminApiTokens.token(key, clock.instant()))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String method, String path, String body) {
		return AdminApiTokens.request(port, method, path, body);
	}

	private JsonNode assertError(HttpResponse<String> response, int status, String type) {
		return AdminApiTokens.assertError(json, response, status, type);
	}

}
