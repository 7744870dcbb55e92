package org.backstory.billing.group;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.backstory.Visitor;
import org.backstory.billing.BillingFixtures;
import org.backstory.billing.Entitlement;
import org.backstory.billing.Entitlements;
import org.backstory.billing.GroupTerms;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanAdministration;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.group.GroupFixtures.Signed;
import org.backstory.billing.subscription.EntitlementCache;
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

/**
 * Group licences over HTTP: a manager buys seats at checkout, gives them by invitation
 * and by email domain, runs out of them, and takes them back; a seat is an entitlement
 * that follows the group subscription and ends at once when it is taken back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GroupLicenceIntegrationTests {

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

	@Autowired
	EntitlementCache cache;

	private final Map<Visitor, Long> ids = new IdentityHashMap<>();

	private Plan plan;

	/** A $5 a month group plan: 3 seats included, each further seat $4 a month. */
	private GroupFixtures fixtures;

	@BeforeEach
	void groupPlan() {
		plan = GroupFixtures.groupPlan(catalog, administration, "paid");
		fixtures = new GroupFixtures(port, members, jdbc);
	}

	@Test
	void aManagerBuysFiveSeatsAtCheckoutAndPaysForTheTwoBeyondTheIncludedThree() {
		Visitor manager = signedIn("manager");

		Document form = manager.get("/checkout/" + plan.code() + "?seats=5").document();
		assertThat(form.select(".seat-terms").text())
			.isEqualTo("5 seats. 3 seats included (yours among them), each further seat $4.00 a month.");
		assertThat(form.select(".checkout-price").text()).startsWith("$13.00 per month");
		Visitor.Page paid = pay(manager, 5);

		assertThat(paid.status()).isEqualTo(303);
		long managerId = idOf(manager);
		assertThat(jdbc.sql("""
				select s.seats || ' ' || s.price_amount || ' ' || s.status || ' ' || p.amount
				from billing.subscription s join billing.payment p on p.subscription_id = s.id
				where s.member_id = :member
				""").param("member", managerId).query(String.class).single()).isEqualTo("5 1300 active 1300");
		assertThat(entitlements.of(managerId).status()).isEqualTo(Entitlement.Status.ACTIVE);
		Document page = manager.get("/account/group").document();
		assertThat(page.select(".seats-used").text()).isEqualTo("1 of 5");
		assertThat(page.select(".seats-included").text()).isEqualTo("3");
		assertThat(page.select(".group-bill").text()).startsWith("$13.00 per month for 5 seats, next on ");
	}

	@Test
	void aSeatCountBelowTheIncludedSeatsBuysTheIncludedSeatsAndANonsenseCountIsRefused() {
		Visitor manager = signedIn("manager");

		assertThat(manager.get("/checkout/" + plan.code() + "?seats=1").document().select("input[name=seats]").val())
			.isEqualTo("3");
		assertThat(manager.get("/checkout/" + plan.code() + "?seats=many").status()).isEqualTo(400);
		assertThat(manager.get("/checkout/" + plan.code() + "?seats=1001").status()).isEqualTo(400);
	}

	@Test
	void anInvitedReaderTakesASeatAfterSigningInAndReadsAsThePaidGroupDoes() {
		Visitor manager = manager(3);
		String readerEmail = MemberFixtures.reader(members, "invitee");

		Visitor.Page invited = manager.submit("/account/group", "/account/group/invites", Map.of("email", readerEmail));

		assertThat(invited.status()).isEqualTo(303);
		Document page = manager.get("/account/group").document();
		assertThat(page.select("p.notice").text()).isEqualTo("Invitation sent to " + readerEmail + ".");
		assertThat(page.select(".group-invites li").text()).startsWith(readerEmail);
		assertThat(page.select(".seats-used").text()).isEqualTo("2 of 3");
		String link = SentMail.lastTo(jdbc, readerEmail).path("/group/join/");
		assertThat(
				jdbc.sql("select count(*) from billing.group_invite where token_hash = sha256(convert_to(:t, 'UTF8'))")
					.param("t", link.substring("/group/join/".length()))
					.query(Long.class)
					.single())
			.isEqualTo(1);
		long readerId = members.findByEmail(readerEmail).orElseThrow().id();
		assertThat(entitlements.of(readerId).status()).isEqualTo(Entitlement.Status.NONE);

		Visitor reader = new Visitor(port);
		Document invitation = reader.get(link).document();
		assertThat(invitation.select(".group-what").text()).contains("group subscription to Test group");
		assertThat(invitation.select("form[action=" + link + "]")).isEmpty();
		reader.signIn(readerEmail, MemberFixtures.PASSWORD);
		Visitor.Page joined = reader.submit(link, link, Map.of());

		assertThat(joined.status()).isEqualTo(303);
		assertThat(joined.header("Location")).endsWith("/account");
		assertThat(entitlements.of(readerId)).isEqualTo(entitlements.of(idOf(manager)).throughSeat());
		assertThat(entitlements.of(readerId).status()).isEqualTo(Entitlement.Status.ACTIVE);
		Document after = manager.get("/account/group").document();
		assertThat(after.select(".group-readers td").first().text()).isEqualTo("Test invitee <" + readerEmail + ">");
		assertThat(after.select(".group-invites")).isEmpty();
		assertThat(after.select(".seats-used").text()).isEqualTo("2 of 3");
		assertThat(reader.post(link, Map.of("_csrf", csrf(reader))).status()).isEqualTo(404);
	}

	@Test
	void whenEverySeatIsTakenAnotherInvitationIsRefusedWithASentence() {
		Visitor manager = manager(3);
		invite(manager, MemberFixtures.uniqueEmail("first"));
		invite(manager, MemberFixtures.uniqueEmail("second"));
		String third = MemberFixtures.uniqueEmail("third");

		Visitor.Page refused = manager.submit("/account/group", "/account/group/invites", Map.of("email", third));

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.document().select("p.error").text())
			.isEqualTo("All 3 seats are taken. Remove a reader or withdraw an invitation to free one.");
		assertThat(SentMail.countTo(jdbc, third)).isZero();
		assertThat(manager.submit("/account/group", "/account/group/invites", Map.of("email", "not an address"))
			.document()
			.select("p.error")
			.text()).isEqualTo("Enter the reader's email address, like ada@example.com.");
	}

	@Test
	void readersWhoVerifyAnAddressAtTheGroupsDomainJoinWhileSeatsLast() {
		Visitor manager = manager(3);
		String domain = "college-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
		Visitor.Page added = manager.submit("/account/group", "/account/group/domains", Map.of("domain", "@" + domain));
		assertThat(added.status()).isEqualTo(303);
		assertThat(manager.get("/account/group").document().select(".group-domains li").text()).startsWith(domain);

		long first = signUpAndVerify("ada@" + domain);
		long second = signUpAndVerify("grace@" + domain);
		long third = signUpAndVerify("edsger@" + domain);
		long elsewhere = signUpAndVerify(MemberFixtures.uniqueEmail("outsider"));

		assertThat(entitlements.of(first).status()).isEqualTo(Entitlement.Status.ACTIVE);
		assertThat(entitlements.of(second).status()).isEqualTo(Entitlement.Status.ACTIVE);
		assertThat(entitlements.of(third).status()).isEqualTo(Entitlement.Status.NONE);
		assertThat(entitlements.of(elsewhere).status()).isEqualTo(Entitlement.Status.NONE);
		Document page = manager.get("/account/group").document();
		assertThat(page.select(".seats-used").text()).isEqualTo("3 of 3");
		assertThat(page.select(".group-readers tbody tr").eachText()).hasSize(2)
			.allMatch(row -> row.contains("domain"));
		assertThat(
				manager.submit("/account/group", "/account/group/domains", Map.of("domain", "not a domain")).status())
			.isEqualTo(409);
		assertThat(manager(3).submit("/account/group", "/account/group/domains", Map.of("domain", domain))
			.document()
			.select("p.error")
			.text()).isEqualTo("Another group has that domain.");
	}

	@Test
	void aRemovedReaderLosesAccessAtOnceAndKeepsTheirAccount() {
		Visitor manager = manager(3);
		String readerEmail = MemberFixtures.reader(members, "removed");
		long readerId = join(manager, readerEmail);
		assertThat(entitlements.of(readerId).status()).isEqualTo(Entitlement.Status.ACTIVE);

		fixtures.remove(manager, readerId);

		assertThat(entitlements.of(readerId).status()).isEqualTo(Entitlement.Status.NONE);
		assertThat(members.findByEmail(readerEmail)).isPresent();
		assertThat(manager.get("/account/group").document().select(".seats-used").text()).isEqualTo("1 of 3");
	}

	@Test
	void aSeatFollowsTheGroupSubscriptionIntoGraceAndOut() {
		Visitor manager = manager(3);
		long readerId = join(manager, MemberFixtures.reader(members, "follower"));
		long managerId = idOf(manager);

		setStatus(managerId, "past_due");
		assertThat(entitlements.of(readerId).status()).isEqualTo(Entitlement.Status.PAST_DUE);
		setStatus(managerId, "expired");
		assertThat(entitlements.of(readerId).status()).isEqualTo(Entitlement.Status.EXPIRED);
		assertThat(manager.get("/account/group").status()).isEqualTo(404);
	}

	@Test
	void noOneButTheManagerReachesAGroup() {
		Visitor manager = manager(3);
		long readerId = join(manager, MemberFixtures.reader(members, "kept"));
		Visitor stranger = signedIn("stranger");
		Visitor otherManager = manager(3);

		assertThat(stranger.get("/account/group").status()).isEqualTo(404);
		assertThat(stranger.post("/account/group/readers/" + readerId + "/remove", Map.of("_csrf", csrf(stranger)))
			.status()).isEqualTo(404);
		assertThat(
				otherManager.post("/account/group/readers/" + readerId + "/remove", Map.of("_csrf", csrf(otherManager)))
					.status())
			.isEqualTo(404);
		assertThat(new Visitor(port).get("/account/group").status()).isEqualTo(302);
		assertThat(entitlements.of(readerId).status()).isEqualTo(Entitlement.Status.ACTIVE);
	}

	@Test
	void theOwnerMakesAPlanAGroupPlanAndIsToldWhatIsWrongWithBadTerms() {
		Plan ordinary = catalog.createPlan(BillingFixtures.newPlan());
		Visitor owner = new Visitor(port);
		owner.signIn(MemberFixtures.account(members, "owner", org.backstory.members.MemberRole.OWNER),
				MemberFixtures.PASSWORD);
		String action = "/admin/settings/plans/" + ordinary.code() + "/group";

		Visitor.Page bad = owner.submit("/admin/settings/plans", action,
				Map.of("includedSeats", "0", "seatMonthlyPrice", "4", "seatYearlyPrice", "forty"));
		assertThat(bad.status()).isEqualTo(422);
		assertThat(bad.document().select("#plan-" + ordinary.code() + " .group-terms-form p.error").eachText())
			.containsExactly("Included seats must be a whole number from 1 to 1000.",
					"Enter the price of a further seat per month and per year, like 4.00.");
		assertThat(catalog.groupTerms()).doesNotContainKey(ordinary.code());

		Visitor.Page saved = owner.submit("/admin/settings/plans", action,
				Map.of("includedSeats", "10", "seatMonthlyPrice", "3.50", "seatYearlyPrice", "35"));
		assertThat(saved.status()).isEqualTo(303);
		assertThat(catalog.groupTerms().get(ordinary.code())).isEqualTo(new GroupTerms(10, 350, 3500));
		assertThat(owner.get("/admin/settings/plans")
			.document()
			.select("#plan-" + ordinary.code() + " input[name=includedSeats]")
			.val()).isEqualTo("10");
		owner.submit("/admin/settings/plans", action, Map.of("includedSeats", ""));
		assertThat(catalog.groupTerms()).doesNotContainKey(ordinary.code());
	}

	private Visitor manager(int seats) {
		Signed manager = fixtures.manager(plan, seats);
		ids.put(manager.visitor(), manager.id());
		return manager.visitor();
	}

	private Visitor.Page pay(Visitor manager, int seats) {
		return fixtures.pay(manager, plan, seats);
	}

	private void invite(Visitor manager, String email) {
		fixtures.invite(manager, email);
	}

	private long join(Visitor manager, String readerEmail) {
		return fixtures.join(manager, readerEmail);
	}

	private long signUpAndVerify(String email) {
		Visitor reader = new Visitor(port);
		assertThat(reader.submit("/signup", "/signup", Map.of("email", email, "name", "Domain Reader")).status())
			.isEqualTo(200);
		assertThat(reader.submit(SentMail.lastTo(jdbc, email).path("/verify"), "/verify", Map.of()).status())
			.isEqualTo(302);
		return members.findByEmail(email).orElseThrow().id();
	}

	private void setStatus(long managerId, String status) {
		jdbc.sql("""
				update billing.subscription
				set status = :status, due_at = null,
				    past_due_since = case when :status = 'past_due' then current_period_end end
				where member_id = :member and seats is not null
				""").param("status", status).param("member", managerId).update();
		cache.invalidate();
	}

	private Visitor signedIn(String who) {
		Signed signed = fixtures.signedIn(who);
		ids.put(signed.visitor(), signed.id());
		return signed.visitor();
	}

	private long idOf(Visitor visitor) {
		return Objects.requireNonNull(ids.get(visitor));
	}

	private static String csrf(Visitor visitor) {
		return visitor.get("/account").document().select("input[name=_csrf]").val();
	}

}
