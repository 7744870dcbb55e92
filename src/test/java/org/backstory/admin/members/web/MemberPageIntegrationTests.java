package org.backstory.admin.members.web;

import java.util.Map;
import java.util.UUID;

import org.backstory.Visitor;
import org.backstory.billing.BillingFixtures;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanCatalog;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberRole;
import org.backstory.members.NewAccount;
import org.backstory.shared.StaffActed;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member's staff page over HTTP: what it shows, the note and labels, comps through
 * billing, deletion.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MemberPageIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory directory;

	@Autowired
	PlanCatalog plans;

	@Autowired
	ApplicationContext context;

	private StaffActionsRecorder recorder;

	private Staff administrator;

	private long memberId;

	private String email;

	@BeforeEach
	void setUp() {
		recorder = StaffActionsRecorder.attach(context);
		administrator = Staff.signedIn(port, directory, MemberRole.ADMINISTRATOR);
		email = "page-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
		memberId = directory.createAccount(new NewAccount(email, "Paige Member", null, MemberRole.MEMBER, true));
	}

	private String path() {
		return "/admin/members/" + memberId;
	}

	@AfterEach
	void detach() {
		recorder.close();
	}

	@Test
	void showsTheProfileAndTheMailSentToTheMember() {
		Document page = administrator.visitor().get(path()).document();

		assertThat(page.selectFirst("h1").text()).isEqualTo("Paige Member");
		assertThat(page.selectFirst(".member-profile").text()).contains(email, "(verified)", "member").contains("Free");
		assertThat(page.select("form[action=" + path() + "/note]")).hasSize(1);
		assertThat(page.select("a[href=" + path() + "/newsletters]")).hasSize(1);
	}

	@Test
	void theNoteIsSavedAndAudited() {
		Visitor.Page saved = administrator.visitor()
			.submit(path(), path() + "/note", Map.of("note", "Asked for an invoice"));

		assertThat(saved.status()).isEqualTo(303);
		assertThat(administrator.visitor().get(path()).document().selectFirst("#note").text())
			.isEqualTo("Asked for an invoice");
		assertThat(recorder.by(administrator.id())).extracting(StaffActed::action).contains("member.note-changed");
	}

	@Test
	void anOverLongNoteIsRefusedWithTheTextKept() {
		String note = "x".repeat(2001);

		Visitor.Page refused = administrator.visitor().submit(path(), path() + "/note", Map.of("note", note));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.document().selectFirst(".error").text()).contains("too long");
		assertThat(refused.document().selectFirst("#note").text()).isEqualTo(note);
	}

	@Test
	void labelsAreAddedAndRemovedAndAudited() {
		administrator.visitor().submit(path(), path() + "/labels", Map.of("label", "press"));
		assertThat(administrator.visitor().get(path()).document().select(".member-labels .member-label").eachText())
			.containsExactly("press");

		administrator.visitor().submit(path(), path() + "/labels/remove", Map.of("label", "press"));

		assertThat(administrator.visitor().get(path()).document().select(".member-labels .member-label")).isEmpty();
		assertThat(recorder.by(administrator.id())).extracting(StaffActed::action)
			.contains("member.labelled", "member.unlabelled");
	}

	@Test
	void aLabelWithACommaIsRefused() {
		Visitor.Page refused = administrator.visitor().submit(path(), path() + "/labels", Map.of("label", "a,b"));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.document().selectFirst(".error").text()).contains("no commas");
	}

	@Test
	void aCompFromThePageGoesThroughBillingAndComesBackAudited() {
		Plan plan = plans.createPlan(BillingFixtures.newPlan());

		Visitor.Page comped = administrator.visitor()
			.submit(path(), "/admin/billing/members/" + memberId + "/comp", Map.of("tier", plan.tier()));

		assertThat(comped.status()).isEqualTo(303);
		assertThat(comped.header("Location")).endsWith(path());
		Document page = administrator.visitor().get(path()).document();
		assertThat(page.selectFirst(".member-profile .member-status").text()).startsWith("Comped");
		assertThat(page.select("table.member-events td").eachText()).contains("comp granted");
		assertThat(recorder.by(administrator.id())).extracting(StaffActed::action).contains("member.comped");
	}

	@Test
	void deletingAsksForTheAddressThenDeletesTheMemberAndAuditsIt() {
		Visitor.Page wrong = administrator.visitor()
			.submit(path() + "/delete", path() + "/delete", Map.of("email", "someone@else.test"));
		assertThat(wrong.status()).isEqualTo(422);
		assertThat(directory.profile(memberId)).isPresent();

		Visitor.Page deleted = administrator.visitor()
			.submit(path() + "/delete", path() + "/delete", Map.of("email", email.toUpperCase()));

		assertThat(deleted.status()).isEqualTo(303);
		assertThat(directory.profile(memberId)).isEmpty();
		assertThat(administrator.visitor().get(path()).status()).isEqualTo(404);
		assertThat(recorder.by(administrator.id())).extracting(StaffActed::action).contains("member.deleted");
	}

	@Test
	void staffAccountsAreNotDeletedFromTheMemberList() {
		Staff editor = Staff.signedIn(port, directory, MemberRole.EDITOR);
		String editorPath = "/admin/members/" + editor.id();

		Visitor.Page refused = administrator.post(editorPath + "/delete", Map.of("email", "x@example.test"));

		assertThat(refused.status()).isEqualTo(409);
		assertThat(directory.profile(editor.id())).isPresent();
	}

	@Test
	void editorsSeeThePageWithoutAnyFormAndAreRefusedEveryChange() {
		Staff editor = Staff.signedIn(port, directory, MemberRole.EDITOR);

		Document page = editor.visitor().get(path()).document();

		assertThat(page.selectFirst("h1").text()).isEqualTo("Paige Member");
		assertThat(page.select("form[method=post]").eachAttr("action")).containsOnly("/logout");
		assertThat(editor.post(path() + "/note", Map.of("note", "hi")).status()).isEqualTo(403);
		assertThat(editor.post(path() + "/labels", Map.of("label", "x")).status()).isEqualTo(403);
		assertThat(editor.post(path() + "/delete", Map.of("email", email)).status()).isEqualTo(403);
		assertThat(editor.visitor().get(path() + "/delete").status()).isEqualTo(403);
		assertThat(directory.profile(memberId)).isPresent();
	}

	@Test
	void anUnknownMemberIsNotFound() {
		assertThat(administrator.visitor().get("/admin/members/999999999").status()).isEqualTo(404);
	}

}
