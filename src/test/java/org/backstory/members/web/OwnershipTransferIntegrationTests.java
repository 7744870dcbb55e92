package org.backstory.members.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.util.Map;

import org.backstory.Visitor;
import org.backstory.admin.AdminProbe;
import org.backstory.admin.AdminProbe.AuditEntry;
import org.backstory.email.SentMail;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.backstory.members.NewAccount;
import org.backstory.members.web.StaffFixtures.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The owner hands the publication to a staff member on the staff page, confirmed with
 * their password.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OwnershipTransferIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory directory;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theOwnerHandsOverAndBecomesAnAdministrator() {
		SignedIn owner = signedIn(MemberRole.OWNER);
		SignedIn editor = signedIn(MemberRole.EDITOR);
		assertThat(editor.visitor().get("/admin/staff").status()).isEqualTo(403);

		Visitor.Page done = transfer(owner, editor.id(), MemberFixtures.PASSWORD);

		assertThat(done.status()).isEqualTo(200);
		assertThat(done.body()).contains("Ownership handed over");
		assertThat(role(editor.id())).isEqualTo("OWNER");
		assertThat(role(owner.id())).isEqualTo("ADMINISTRATOR");
		assertThat(editor.visitor().get("/admin/staff").status()).as("a promotion ends the new owner's sessions")
			.isEqualTo(302);
		Visitor newOwner = new Visitor(port);
		newOwner.signIn(editor.email(), MemberFixtures.PASSWORD);
		assertThat(newOwner.get("/admin/staff").status()).as("the new owner, signed in again").isEqualTo(200);
		assertThat(owner.visitor().get("/admin/staff").status()).as("the previous owner, at once").isEqualTo(403);
		assertThat(owner.visitor().get("/admin/settings").status()).as("an administrator now").isEqualTo(200);
		assertThat(
				AdminProbe.entriesBy(jdbc, owner.id(), "staff.ownership-transferred").stream().map(AuditEntry::summary))
			.singleElement(STRING)
			.contains("member " + editor.id())
			.contains("from member " + owner.id());
		assertThat(SentMail.lastTo(jdbc, editor.email()).subject()).startsWith("You are now the owner of");
	}

	@Test
	void aWrongPasswordHandsNothingOver() {
		SignedIn owner = signedIn(MemberRole.OWNER);
		SignedIn editor = signedIn(MemberRole.EDITOR);

		Visitor.Page refused = transfer(owner, editor.id(), "not the password");

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.document().select(".error").text()).contains("password is incorrect");
		assertThat(role(editor.id())).isEqualTo("EDITOR");
		assertThat(role(owner.id())).isEqualTo("OWNER");
	}

	@Test
	void onlyTheOwnerMayHandOver() {
		SignedIn administrator = signedIn(MemberRole.ADMINISTRATOR);
		SignedIn editor = signedIn(MemberRole.EDITOR);

		Visitor.Page refused = administrator.post("/admin/staff/transfer",
				Map.of("memberId", Long.toString(editor.id()), "confirmation", MemberFixtures.PASSWORD));

		assertThat(refused.status()).isEqualTo(403);
		assertThat(role(editor.id())).isEqualTo("EDITOR");
		assertThat(role(administrator.id())).isEqualTo("ADMINISTRATOR");
	}

	@Test
	void theNewOwnerIsAStaffMemberWithAVerifiedAddress() {
		SignedIn owner = signedIn(MemberRole.OWNER);
		SignedIn reader = signedIn(MemberRole.MEMBER);
		String unverified = MemberFixtures.uniqueEmail("unverified");
		long unverifiedId = directory.createAccount(
				new NewAccount(unverified, "Una Verified", MemberFixtures.PASSWORD, MemberRole.EDITOR, false));

		assertThat(transfer(owner, reader.id(), MemberFixtures.PASSWORD).status()).isEqualTo(404);
		assertThat(transfer(owner, owner.id(), MemberFixtures.PASSWORD).status()).isEqualTo(404);
		Visitor.Page refused = transfer(owner, unverifiedId, MemberFixtures.PASSWORD);
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.document().select(".error").text()).contains("has not verified their email address");
		assertThat(role(reader.id())).isEqualTo("MEMBER");
		assertThat(role(unverifiedId)).isEqualTo("EDITOR");
		assertThat(role(owner.id())).isEqualTo("OWNER");
	}

	private static Visitor.Page transfer(SignedIn owner, long memberId, String password) {
		return owner.visitor()
			.submit("/admin/staff", "/admin/staff/transfer",
					Map.of("memberId", Long.toString(memberId), "confirmation", password));
	}

	private SignedIn signedIn(MemberRole role) {
		return StaffFixtures.signedIn(port, directory, role);
	}

	private String role(long memberId) {
		return jdbc.sql("select role from members.member where id = :id")
			.param("id", memberId)
			.query(String.class)
			.single();
	}

}
