package org.backstory.billing.group;

import java.util.Map;

import org.backstory.Visitor;
import org.backstory.billing.Entitlement;
import org.backstory.billing.Entitlements;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanAdministration;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.group.GroupFixtures.Signed;
import org.backstory.email.SentMail;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A group's shareable invite link (joining through sign-in or sign-up while seats last,
 * 409 when full, dead once revoked or replaced) and swapping a reader for another address
 * in one step, over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GroupLinkAndSwapIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	PlanCatalog catalog;

	@Autowired
	PlanAdministration administration;

	@Autowired
	MemberDirectory members;

	@Autowired
	Entitlements entitlements;

	@Autowired
	JdbcClient jdbc;

	/** A $5 a month group plan: 3 seats included, each further seat $4 a month. */
	private Plan plan;

	private GroupFixtures fixtures;

	@BeforeEach
	void groupPlan() {
		plan = GroupFixtures.groupPlan(catalog, administration, "paid");
		fixtures = new GroupFixtures(port, members, jdbc);
	}

	@Test
	void anyoneWithTheLinkJoinsAfterSigningInOrUpUntilTheSeatsRunOut() {
		Signed manager = fixtures.manager(plan, 3);
		String link = makeLink(manager.visitor());
		assertThat(link).matches("/group/link/[A-Za-z0-9_-]{43}");
		assertThat(jdbc.sql("select count(*) from billing.group_link where token_hash = sha256(convert_to(:t, 'UTF8'))")
			.param("t", link.substring("/group/link/".length()))
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc
			.sql("select count(*) from billing.group_link where position(convert_to(:t, 'UTF8') in "
					+ "token_sealed) > 0 or position(convert_to(:t, 'UTF8') in token_hash) > 0")
			.param("t", link.substring("/group/link/".length()))
			.query(Long.class)
			.single()).as("the token is stored hashed and sealed, never as it is").isZero();

		Visitor anonymous = new Visitor(port);
		Document page = anonymous.get(link).document();
		assertThat(page.select(".group-what").text()).contains("group subscription to Test group");
		assertThat(page.select("a[href^=/signup]").attr("href")).contains("next=");
		Signed first = fixtures.signedIn("linked");
		Visitor.Page joined = first.visitor().submit(link, link, Map.of());
		assertThat(joined.status()).isEqualTo(303);
		assertThat(entitlements.of(first.id()).status()).isEqualTo(Entitlement.Status.ACTIVE);
		Signed second = fixtures.signedIn("linked");
		assertThat(second.visitor().submit(link, link, Map.of()).status()).isEqualTo(303);

		Signed third = fixtures.signedIn("linked");
		Visitor.Page full = third.visitor().submit(link, link, Map.of());

		assertThat(full.status()).isEqualTo(409);
		assertThat(full.document().select("p.error").text())
			.isEqualTo("All seats of this group are taken. Ask the group's manager to add a seat or free one.");
		assertThat(entitlements.of(third.id()).status()).isEqualTo(Entitlement.Status.NONE);
		Document group = manager.visitor().get("/account/group").document();
		assertThat(group.select(".seats-used").text()).isEqualTo("3 of 3");
		assertThat(group.select(".group-readers tbody tr").eachText()).allMatch(row -> row.contains("link"));
		assertThat(first.visitor().submit(link, link, Map.of()).status()).isEqualTo(409);
	}

	@Test
	void aRevokedOrReplacedLinkNoLongerWorksAndTheNewOneDoes() {
		Signed manager = fixtures.manager(plan, 3);
		String old = makeLink(manager.visitor());
		String replacement = makeLink(manager.visitor());
		assertThat(replacement).isNotEqualTo(old);
		Signed reader = fixtures.signedIn("late");

		Visitor.Page dead = reader.visitor().get(old);
		assertThat(dead.status()).isEqualTo(404);
		assertThat(dead.document().select("p.error").text()).startsWith("This invite link no longer works");
		assertThat(reader.visitor().post(old, Map.of("_csrf", csrf(reader.visitor()))).status()).isEqualTo(404);

		assertThat(manager.visitor().submit("/account/group", "/account/group/link/revoke", Map.of()).status())
			.isEqualTo(303);
		assertThat(manager.visitor().get("/account/group").document().select(".group-link")).isEmpty();
		assertThat(reader.visitor().get(replacement).status()).isEqualTo(404);
		assertThat(reader.visitor().post(replacement, Map.of("_csrf", csrf(reader.visitor()))).status()).isEqualTo(404);
		assertThat(entitlements.of(reader.id()).status()).isEqualTo(Entitlement.Status.NONE);
		assertThat(manager.visitor().submit("/account/group", "/account/group/link", Map.of()).status()).isEqualTo(303);
		String fresh = linkOnPage(manager.visitor());
		assertThat(reader.visitor().submit(fresh, fresh, Map.of()).status()).isEqualTo(303);
		assertThat(entitlements.of(reader.id()).status()).isEqualTo(Entitlement.Status.ACTIVE);
		assertThat(new Visitor(port).get("/group/link/not-a-token").status()).isEqualTo(404);
	}

	@Test
	void aSwapTakesTheSeatAwayAtOnceAndTheInvitationHoldsItAgainstADomainJoin() {
		Signed manager = fixtures.manager(plan, 3);
		String domain = "swap-" + java.util.UUID.randomUUID().toString().substring(0, 8) + ".test";
		long leaving = fixtures.join(manager.visitor(), MemberFixtures.reader(members, "leaving"));
		fixtures.join(manager.visitor(), MemberFixtures.reader(members, "staying"));
		assertThat(
				manager.visitor().submit("/account/group", "/account/group/domains", Map.of("domain", domain)).status())
			.isEqualTo(303);
		assertThat(entitlements.of(leaving).status()).isEqualTo(Entitlement.Status.ACTIVE);
		String newcomer = MemberFixtures.uniqueEmail("newcomer");

		Visitor.Page swapped = manager.visitor()
			.submit("/account/group", "/account/group/readers/" + leaving + "/swap", Map.of("email", newcomer));

		assertThat(swapped.status()).isEqualTo(303);
		assertThat(entitlements.of(leaving).status()).isEqualTo(Entitlement.Status.NONE);
		assertThat(members.profile(leaving)).isPresent();
		Document page = manager.visitor().get("/account/group").document();
		assertThat(page.select("p.notice").text()).startsWith("Swapped:");
		assertThat(page.select(".group-invites li").text()).startsWith(newcomer);
		assertThat(page.select(".seats-used").text()).isEqualTo("3 of 3");
		long byDomain = signUpAndVerify("someone@" + domain);
		assertThat(entitlements.of(byDomain).status()).as("the swapped seat is held by the invitation")
			.isEqualTo(Entitlement.Status.NONE);
		String link = SentMail.lastTo(jdbc, newcomer).path("/group/join/");
		Visitor arriving = new Visitor(port);
		assertThat(arriving.submit("/signup", "/signup", Map.of("email", newcomer, "name", "New Comer")).status())
			.isEqualTo(200);
		assertThat(arriving.submit(SentMail.lastTo(jdbc, newcomer).path("/verify"), "/verify", Map.of()).status())
			.isEqualTo(302);
		assertThat(arriving.submit(link, link, Map.of()).status()).isEqualTo(303);
		assertThat(entitlements.of(members.findByEmail(newcomer).orElseThrow().id()).status())
			.isEqualTo(Entitlement.Status.ACTIVE);
	}

	@Test
	void aSwapThatCannotInviteChangesNothing() {
		Signed manager = fixtures.manager(plan, 3);
		String stayingEmail = MemberFixtures.reader(members, "staying");
		long staying = fixtures.join(manager.visitor(), stayingEmail);
		long other = fixtures.join(manager.visitor(), MemberFixtures.reader(members, "other"));

		Visitor.Page refused = manager.visitor()
			.submit("/account/group", "/account/group/readers/" + other + "/swap", Map.of("email", stayingEmail));

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.document().select("p.error").text())
			.isEqualTo("That reader already has a seat in your group.");
		assertThat(entitlements.of(other).status()).isEqualTo(Entitlement.Status.ACTIVE);
		assertThat(entitlements.of(staying).status()).isEqualTo(Entitlement.Status.ACTIVE);
		assertThat(manager.visitor()
			.submit("/account/group", "/account/group/readers/" + other + "/swap", Map.of("email", "nobody"))
			.status()).isEqualTo(409);
		assertThat(manager.visitor()
			.post("/account/group/readers/" + manager.id() + "/swap",
					Map.of("_csrf", csrf(manager.visitor()), "email", MemberFixtures.uniqueEmail("x")))
			.status()).isEqualTo(404);
		assertThat(entitlements.of(other).status()).isEqualTo(Entitlement.Status.ACTIVE);
	}

	/** Makes a new link from the manager's page; its path. */
	private String makeLink(Visitor manager) {
		assertThat(manager.submit("/account/group", "/account/group/link", Map.of()).status()).isEqualTo(303);
		return linkOnPage(manager);
	}

	private String linkOnPage(Visitor manager) {
		String url = manager.get("/account/group").document().select(".group-link input").val();
		return url.substring(url.indexOf("/group/link/"));
	}

	private long signUpAndVerify(String email) {
		Visitor reader = new Visitor(port);
		assertThat(reader.submit("/signup", "/signup", Map.of("email", email, "name", "Domain Reader")).status())
			.isEqualTo(200);
		assertThat(reader.submit(SentMail.lastTo(jdbc, email).path("/verify"), "/verify", Map.of()).status())
			.isEqualTo(302);
		return members.findByEmail(email).orElseThrow().id();
	}

	private static String csrf(Visitor visitor) {
		return visitor.get("/account").document().select("input[name=_csrf]").val();
	}

}
