package org.backstory.billing.group;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.backstory.Visitor;
import org.backstory.billing.BillingFixtures;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanAdministration;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.group.GroupFixtures.Signed;
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
 * A group on the account pages over HTTP: the manager's {@code /account} leads to the
 * group and offers no change of plan (which would reprice the group and drop its seats),
 * a seat holder's names the group and its manager, and a change of plan is refused both
 * to a group subscription and onto a group plan.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GroupAccountIntegrationTests {

	private static final String REFUSED = "A group subscription can't be moved to another plan: its price covers "
			+ "its 4 seats, and a change of plan would drop them. To change it, contact the publication.";

	@LocalServerPort
	int port;

	@Autowired
	PlanCatalog catalog;

	@Autowired
	PlanAdministration administration;

	@Autowired
	MemberDirectory members;

	@Autowired
	JdbcClient jdbc;

	private Plan plan;

	private GroupFixtures fixtures;

	@BeforeEach
	void groupPlan() {
		plan = GroupFixtures.groupPlan(catalog, administration, "paid");
		fixtures = new GroupFixtures(port, members, jdbc);
	}

	@Test
	void aManagersAccountLeadsToTheGroupAndOffersNoChangeOfPlan() {
		Signed manager = fixtures.manager(plan, 4);
		fixtures.invite(manager.visitor(), MemberFixtures.uniqueEmail("invited"));

		Document account = manager.visitor().get("/account").document();

		assertThat(account.select(".account-group").text())
			.isEqualTo("Your group: 2 of 4 seats used. Manage your group");
		assertThat(account.select(".account-group a").attr("href")).isEqualTo("/account/group");
		assertThat(account.select("a[href=/account/plan]")).isEmpty();
		assertThat(account.select(".account-seat")).isEmpty();
	}

	@Test
	void aSeatHoldersAccountNamesTheGroupAndWhoManagesIt() {
		Signed manager = fixtures.manager(plan, 3);
		String readerEmail = MemberFixtures.reader(members, "seated");
		fixtures.join(manager.visitor(), readerEmail);
		Visitor reader = new Visitor(port);
		reader.signIn(readerEmail, MemberFixtures.PASSWORD);
		String managerName = members.profile(manager.id()).orElseThrow().name();

		Document account = reader.get("/account").document();

		assertThat(account.select(".account-seat").text()).isEqualTo(
				"You read through the group Test group, managed by " + managerName + " (" + manager.email() + ").");
		assertThat(account.select(".account-plan a[href=/subscribe]")).isEmpty();
		assertThat(account.select(".account-group")).isEmpty();
		Visitor stranger = fixtures.signedIn("stranger").visitor();
		Document free = stranger.get("/account").document();
		assertThat(free.select(".account-seat")).isEmpty();
		assertThat(free.select(".account-plan a[href=/subscribe]")).hasSize(1);
	}

	@Test
	void aChangeOfPlanIsRefusedToAGroupSubscriptionWithASentenceAndChangesNothing() {
		Signed manager = fixtures.manager(plan, 4);
		Plan ordinary = catalog.createPlan(BillingFixtures.newPlan());
		String before = terms(manager.id());

		Visitor.Page choices = manager.visitor().get("/account/plan");
		Visitor.Page confirmation = manager.visitor().get("/account/plan/" + ordinary.code() + "/year");
		Visitor.Page change = manager.visitor()
			.post("/account/plan/" + ordinary.code() + "/year",
					Map.of("_csrf", csrf(manager.visitor()), "attempt", UUID.randomUUID().toString()));

		for (Visitor.Page refused : new Visitor.Page[] { choices, confirmation, change }) {
			assertThat(refused.status()).isEqualTo(409);
			assertThat(refused.document().select("p.error").text()).isEqualTo(REFUSED);
		}
		assertThat(terms(manager.id())).isEqualTo(before).startsWith("4 ");
		assertThat(jdbc
			.sql("select count(*) from billing.payment p join billing.subscription s on s.id = "
					+ "p.subscription_id where s.member_id = :member")
			.param("member", manager.id())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void anOrdinarySubscriberIsNotOfferedAGroupPlanAndCannotMoveOntoOne() {
		Plan ordinary = catalog.createPlan(BillingFixtures.newPlan());
		Signed subscriber = fixtures.signedIn("single");
		assertThat(fixtures.pay(subscriber.visitor(), ordinary, 1).status()).isEqualTo(303);

		Document choices = subscriber.visitor().get("/account/plan").document();
		Visitor.Page change = subscriber.visitor()
			.post("/account/plan/" + plan.code() + "/month",
					Map.of("_csrf", csrf(subscriber.visitor()), "attempt", UUID.randomUUID().toString()));

		assertThat(choices.select("a[href^=/account/plan/" + plan.code() + "/]")).isEmpty();
		assertThat(choices.select("a[href^=/account/plan/]")).isNotEmpty();
		assertThat(change.status()).isEqualTo(409);
		assertThat(change.document().select("p.error").text())
			.isEqualTo("A group plan is bought at checkout, with its seats.");
		assertThat(terms(subscriber.id())).startsWith("null " + ordinary.monthlyPrice() + " ");
	}

	/** Seats, price, plan and interval of the member's subscription. */
	private String terms(long memberId) {
		return jdbc.sql("""
				select coalesce(s.seats::text, 'null') || ' ' || s.price_amount || ' ' || s.plan_id || ' '
				       || s.billing_interval
				from billing.subscription s where s.member_id = :member
				""").param("member", memberId).query(String.class).single();
	}

	private static String csrf(Visitor visitor) {
		return visitor.get("/account").document().select("input[name=_csrf]").val();
	}

}
