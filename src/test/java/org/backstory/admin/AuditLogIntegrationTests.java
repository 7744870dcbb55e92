package org.backstory.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.backstory.Visitor;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.backstory.members.NewAccount;
import org.backstory.shared.StaffActions;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditLogIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory directory;

	@Autowired
	StaffActions actions;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void theOwnerSeesTheNewestEntryFirstWithTheActorsName() {
		long actor = account("Audrey Actor", MemberRole.EDITOR);
		String subject = "article 1 " + MemberFixtures.uniqueEmail("s");
		actions.record(actor, "article.published", subject, "on the site");

		Visitor.Page page = owner().get("/admin/audit?actor=" + actor);

		assertThat(page.status()).isEqualTo(200);
		Element first = page.document().select("table.audit tbody tr").first();
		assertThat(first.select("td").eachText()).endsWith("Audrey Actor", "article.published", subject, "on the site");
	}

	@Test
	void anEntryRecordedInARolledBackTransactionIsNotKept() {
		long actor = account("Rollo Back", MemberRole.EDITOR);

		transaction.executeWithoutResult(status -> {
			actions.record(actor, "member.comped", "member 1", "");
			status.setRollbackOnly();
		});

		assertThat(owner().get("/admin/audit?actor=" + actor).document().select("table.audit tbody tr")).isEmpty();
	}

	@Test
	void theLogFiltersByActionAndByActor() {
		long alice = account("Alice Filter", MemberRole.EDITOR);
		long bob = account("Bob Filter", MemberRole.ADMINISTRATOR);
		String action = "test.filtered-" + alice;
		actions.record(alice, action, "one", "");
		actions.record(bob, action, "two", "");
		actions.record(bob, "test.other-" + alice, "three", "");
		Visitor owner = owner();

		Document byAction = owner.get("/admin/audit?action=" + action).document();
		Document byBoth = owner.get("/admin/audit?action=" + action + "&actor=" + bob).document();

		assertThat(subjects(byAction)).containsExactly("two", "one");
		assertThat(subjects(byBoth)).containsExactly("two");
		assertThat(byAction.select("select[name=action] option[selected]").val()).isEqualTo(action);
		assertThat(byAction.select("select[name=actor] option").eachText()).contains("Alice Filter", "Bob Filter");
	}

	@Test
	void olderEntriesAreOnTheNextPage() {
		long actor = account("Paige Pager", MemberRole.EDITOR);
		for (int i = 1; i <= AuditController.PAGE_SIZE + 2; i++) {
			actions.record(actor, "test.paged", "entry " + i, "");
		}
		Visitor owner = owner();

		Document first = owner.get("/admin/audit?actor=" + actor).document();
		String older = first.select("a[rel=next]").attr("href");
		Document second = owner.get(older).document();

		assertThat(subjects(first)).hasSize(AuditController.PAGE_SIZE).first().isEqualTo("entry 52");
		assertThat(older).contains("actor=" + actor).contains("before=");
		assertThat(subjects(second)).containsExactly("entry 2", "entry 1");
		assertThat(second.select("a[rel=next]")).isEmpty();
	}

	@Test
	void anInviteIsAuditedUnderTheOwnersName() {
		String ownerEmail = MemberFixtures.account(directory, "inviting-owner", MemberRole.OWNER);
		Visitor owner = new Visitor(port);
		owner.signIn(ownerEmail, MemberFixtures.PASSWORD);
		String invited = MemberFixtures.uniqueEmail("audited");

		owner.submit("/admin/staff", "/admin/staff/invites", Map.of("email", invited, "role", "AUTHOR"));

		List<String> entry = owner.get("/admin/audit?action=staff.invited")
			.document()
			.select("table.audit tbody tr")
			.first()
			.select("td")
			.eachText();
		assertThat(entry.get(1)).isEqualTo("Test inviting-owner");
		assertThat(entry.get(2)).isEqualTo("staff.invited");
		assertThat(entry.get(3)).contains(invited);
		assertThat(entry.get(4)).isEqualTo("AUTHOR");
	}

	@Test
	void theOwnerSeesLinksToStaffAndTheAuditLogAndTheAdministratorDoesNot() {
		Document owners = owner().get("/admin").document();
		String admin = MemberFixtures.account(directory, "administrator", MemberRole.ADMINISTRATOR);
		Visitor administrator = new Visitor(port);
		administrator.signIn(admin, MemberFixtures.PASSWORD);
		Document administrators = administrator.get("/admin").document();

		assertThat(owners.select("ul.admin-links a[href=/admin/staff]")).hasSize(1);
		assertThat(owners.select("a[href=/admin/audit]")).hasSize(1);
		assertThat(administrators.select("a[href=/admin/staff], a[href=/admin/audit]")).isEmpty();
	}

	private Visitor owner() {
		String email = MemberFixtures.account(directory, "owner", MemberRole.OWNER);
		Visitor visitor = new Visitor(port);
		visitor.signIn(email, MemberFixtures.PASSWORD);
		return visitor;
	}

	private long account(String name, MemberRole role) {
		return directory.createAccount(
				new NewAccount(MemberFixtures.uniqueEmail("actor"), name, MemberFixtures.PASSWORD, role, true));
	}

	private static List<String> subjects(Document page) {
		return page.select("table.audit tbody tr").stream().map(row -> row.select("td").get(3).text()).toList();
	}

}
