package org.backstory.admin.members.web;

import java.util.List;
import java.util.UUID;

import org.backstory.Visitor;
import org.backstory.billing.BillingFixtures;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.SandboxCards;
import org.backstory.billing.SubscriptionService;
import org.backstory.billing.gift.GiftOutcome;
import org.backstory.billing.gift.GiftPurchase;
import org.backstory.billing.gift.GiftRedemption;
import org.backstory.billing.gift.GiftService;
import org.backstory.email.SentMail;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberRole;
import org.backstory.members.MemberRoster;
import org.backstory.members.NewAccount;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The member list over HTTP: search, filters, keyset paging, and who may see it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MemberListIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory directory;

	@Autowired
	MemberRoster roster;

	@Autowired
	PlanCatalog plans;

	@Autowired
	SubscriptionService subscriptions;

	@Autowired
	GiftService gifts;

	@Autowired
	JdbcClient jdbc;

	private Staff editor;

	private String label;

	@BeforeEach
	void setUp() {
		editor = Staff.signedIn(port, directory, MemberRole.EDITOR);
		label = "t-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private long member(String email, String name) {
		long id = directory.createAccount(new NewAccount(email, name, null, MemberRole.MEMBER, false));
		roster.addLabel(editor.id(), id, label);
		return id;
	}

	private static List<String> emails(Document page) {
		return page.select("tr.member-row .member-email").eachText();
	}

	@Test
	void searchFindsAnyPartOfTheAddressOrNameInAnyCase() {
		String term = "zq" + UUID.randomUUID().toString().substring(0, 6);
		String byEmail = "first." + term + "@example.test";
		member(byEmail, "Plain Name");
		String byName = "other-" + UUID.randomUUID().toString().substring(0, 6) + "@example.test";
		member(byName, "Ms " + term.toUpperCase() + " Smith");

		Visitor.Page page = editor.visitor().get("/admin/members?q=" + term);

		assertThat(page.status()).isEqualTo(200);
		assertThat(emails(page.document())).containsExactlyInAnyOrder(byEmail, byName);
	}

	@Test
	void filtersByLabelStatusAndPlanTogether() {
		var plan = plans.createPlan(BillingFixtures.newPlan());
		long free = member("free-" + label + "@example.test", "Free");
		long comped = member("comped-" + label + "@example.test", "Comped");
		subscriptions.grantComp(comped, plan.tier(), null);

		Document compedOnly = editor.visitor().get("/admin/members?label=" + label + "&status=comped").document();
		Document freeOnly = editor.visitor().get("/admin/members?label=" + label + "&status=free").document();
		Document onPlan = editor.visitor().get("/admin/members?label=" + label + "&plan=" + plan.code()).document();

		assertThat(emails(compedOnly)).containsExactly("comped-" + label + "@example.test");
		assertThat(compedOnly.selectFirst("tr.member-row .member-status").text()).startsWith("Comped");
		assertThat(emails(freeOnly)).containsExactly("free-" + label + "@example.test");
		assertThat(emails(onPlan)).as("a comp is not on a paid plan").isEmpty();
		assertThat(free).isNotEqualTo(comped);
	}

	@Test
	void aGiftRecipientIsListedAsGiftNotPaid() {
		var plan = plans.createPlan(BillingFixtures.newPlan());
		String giftee = "giftee-" + label + "@example.test";
		long recipient = member(giftee, "Giftee");
		assertThat(gifts
			.purchase(new GiftPurchase(BillingFixtures.newMemberId(), "giver-" + label + "@example.test", "Ada Giver",
					plan.code(), 3, giftee, null, UUID.randomUUID(), BillingFixtures.card(SandboxCards.SUCCEEDS))))
			.isInstanceOf(GiftOutcome.Purchased.class);
		String token = SentMail.lastTo(jdbc, giftee).path("/gift/redeem/").substring("/gift/redeem/".length());
		assertThat(gifts.redeem(token, recipient)).isInstanceOf(GiftRedemption.Redeemed.class);

		Document all = editor.visitor().get("/admin/members?label=" + label).document();
		Document giftOnly = editor.visitor().get("/admin/members?label=" + label + "&status=gift").document();
		Document paidOnly = editor.visitor().get("/admin/members?label=" + label + "&status=paid").document();

		assertThat(all.selectFirst("tr.member-row .member-status").text()).startsWith("Gift");
		assertThat(emails(giftOnly)).containsExactly(giftee);
		assertThat(emails(paidOnly)).isEmpty();
		assertThat(editor.visitor().get("/admin/members/" + recipient).document().select(".member-status").text())
			.startsWith("Gift");
	}

	@Test
	void pagesOfFiftyNewestFirstFollowTheNextLinkToTheEnd() {
		for (int i = 0; i < 53; i++) {
			member(String.format("p%02d-%s@example.test", i, label), "Paged " + i);
		}

		Document first = editor.visitor().get("/admin/members?label=" + label).document();
		Element next = first.selectFirst("a.member-next");
		assertThat(emails(first)).hasSize(50).first().isEqualTo("p52-" + label + "@example.test");
		assertThat(next).isNotNull();
		Document second = editor.visitor().get(next.attr("href")).document();

		assertThat(emails(second)).containsExactly("p02-" + label + "@example.test", "p01-" + label + "@example.test",
				"p00-" + label + "@example.test");
		assertThat(second.selectFirst("a.member-next")).isNull();
		assertThat(second.selectFirst("a[rel=first]")).isNotNull();
	}

	@Test
	void filtersBySignUpDays() {
		member("dated-" + label + "@example.test", "Dated");

		assertThat(emails(editor.visitor().get("/admin/members?label=" + label + "&from=2000-01-01").document()))
			.hasSize(1);
		assertThat(emails(editor.visitor().get("/admin/members?label=" + label + "&to=2000-01-01").document()))
			.isEmpty();
		assertThat(editor.visitor().get("/admin/members?from=yesterday").status()).isEqualTo(400);
	}

	@Test
	void editorsSeeTheListWithoutExportOrImport() {
		Document page = editor.visitor().get("/admin/members").document();

		assertThat(page.selectFirst("a.member-export")).isNull();
		assertThat(page.select("a[href=/admin/members/import]")).isEmpty();
	}

	@Test
	void administratorsAreOfferedTheExportOfTheSameFilters() {
		Staff administrator = Staff.signedIn(port, directory, MemberRole.ADMINISTRATOR);

		Element export = administrator.visitor()
			.get("/admin/members?label=" + label + "&status=paid")
			.document()
			.selectFirst("a.member-export");

		assertThat(export).isNotNull();
		assertThat(export.attr("href")).isEqualTo("/admin/members/export.csv?status=paid&label=" + label);
	}

	@Test
	void theAdminLandingPageLinksTheListForEditorsOnly() {
		Staff author = Staff.signedIn(port, directory, MemberRole.AUTHOR);

		assertThat(editor.visitor().get("/admin").document().select("ul.admin-links a[href=/admin/members]"))
			.hasSize(1);
		assertThat(author.visitor().get("/admin").document().select("ul.admin-links a[href=/admin/members]")).isEmpty();
	}

}
