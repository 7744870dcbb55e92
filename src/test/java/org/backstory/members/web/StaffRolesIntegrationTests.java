package org.backstory.members.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.backstory.Visitor;
import org.backstory.admin.AdminProbe;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.backstory.members.web.StaffFixtures.SignedIn;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StaffRolesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory directory;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theStaffPageListsEachStaffMemberWithRoleAndSince() {
		SignedIn owner = signedIn(MemberRole.OWNER);
		SignedIn editor = signedIn(MemberRole.EDITOR);

		Visitor.Page page = owner.visitor().get("/admin/staff");

		assertThat(page.status()).isEqualTo(200);
		Element row = rowOf(page, editor.email());
		assertThat(row.select("select[name=role] option[selected]").val()).isEqualTo("EDITOR");
		assertThat(row.select("td").get(3).text()).matches("\\d{1,2} [A-Z][a-z]+ \\d{4}");
		assertThat(rowOf(page, owner.email()).select("td").get(2).text()).isEqualTo("Owner");
		assertThat(rowOf(page, owner.email()).select("form")).isEmpty();
	}

	@Test
	void aDemotedEditorIsRefusedEditorsPagesOnTheNextRequest() {
		SignedIn owner = signedIn(MemberRole.OWNER);
		SignedIn editor = signedIn(MemberRole.EDITOR);
		assertThat(editor.visitor().get("/admin/newsletters").status()).isEqualTo(200);

		Visitor.Page changed = owner.visitor()
			.submit("/admin/staff", "/admin/staff/" + editor.id() + "/role", Map.of("role", "AUTHOR"));

		assertThat(changed.status()).isEqualTo(302);
		assertThat(editor.visitor().get("/admin/newsletters").status()).isEqualTo(403);
		assertThat(editor.visitor().get("/admin/publish").status()).as("still signed in, as an author").isEqualTo(200);
		assertThat(role(editor.id())).isEqualTo("AUTHOR");
		assertThat(owner.visitor().get("/admin/staff").document().select(".notice").text()).contains("Role changed");
	}

	@Test
	void aPromotionEndsTheirSessionsAndTheNextSignInHasTheNewRole() {
		SignedIn owner = signedIn(MemberRole.OWNER);
		SignedIn contributor = signedIn(MemberRole.CONTRIBUTOR);
		assertThat(contributor.visitor().get("/admin/publish").status()).isEqualTo(403);

		owner.visitor()
			.submit("/admin/staff", "/admin/staff/" + contributor.id() + "/role", Map.of("role", "ADMINISTRATOR"));

		assertThat(contributor.visitor().get("/admin/billing").status()).as("signed out, not promoted in place")
			.isEqualTo(302);
		assertThat(MemberFixtures.sessionsOf(jdbc, contributor.id())).isZero();
		Visitor again = new Visitor(port);
		again.signIn(contributor.email(), MemberFixtures.PASSWORD);
		assertThat(again.get("/admin/billing").status()).isEqualTo(200);
		assertThat(owner.visitor().get("/admin/staff").status()).as("the owner's own session is untouched")
			.isEqualTo(200);
	}

	@Test
	void someoneTakenOffTheStaffKeepsTheirAccountButNotTheAdmin() {
		SignedIn owner = signedIn(MemberRole.OWNER);
		SignedIn author = signedIn(MemberRole.AUTHOR);

		Visitor.Page removed = owner.visitor()
			.submit("/admin/staff", "/admin/staff/" + author.id() + "/remove", Map.of());

		assertThat(removed.status()).isEqualTo(302);
		assertThat(author.visitor().get("/admin").status()).isEqualTo(403);
		assertThat(author.visitor().get("/account/profile").status()).isEqualTo(200);
		assertThat(role(author.id())).isEqualTo("MEMBER");
		assertThat(owner.visitor().get("/admin/staff").body()).doesNotContain(author.email());
		assertThat(audit("staff.removed", owner.id())).contains("member " + author.id());
	}

	@Test
	void theOwnerCannotDemoteThemself() {
		SignedIn owner = signedIn(MemberRole.OWNER);

		assertThat(owner.post("/admin/staff/" + owner.id() + "/role", Map.of("role", "EDITOR")).status())
			.isEqualTo(403);
		assertThat(owner.post("/admin/staff/" + owner.id() + "/remove", Map.of()).status()).isEqualTo(403);
		assertThat(role(owner.id())).isEqualTo("OWNER");
		assertThat(owner.visitor().get("/admin/staff").status()).isEqualTo(200);
	}

	@Test
	void noOneIsMadeOwnerAndUnknownOrNonStaffMembersAreNotFound() {
		SignedIn owner = signedIn(MemberRole.OWNER);
		SignedIn editor = signedIn(MemberRole.EDITOR);
		SignedIn reader = signedIn(MemberRole.MEMBER);

		assertThat(owner.post("/admin/staff/" + editor.id() + "/role", Map.of("role", "OWNER")).status())
			.isEqualTo(422);
		assertThat(owner.post("/admin/staff/" + reader.id() + "/role", Map.of("role", "EDITOR")).status())
			.isEqualTo(404);
		assertThat(owner.post("/admin/staff/" + Long.MAX_VALUE + "/remove", Map.of()).status()).isEqualTo(404);
		assertThat(role(editor.id())).isEqualTo("EDITOR");
		assertThat(role(reader.id())).isEqualTo("MEMBER");
	}

	@Test
	void aRoleChangeIsAudited() {
		SignedIn owner = signedIn(MemberRole.OWNER);
		SignedIn author = signedIn(MemberRole.AUTHOR);

		owner.visitor().submit("/admin/staff", "/admin/staff/" + author.id() + "/role", Map.of("role", "EDITOR"));

		assertThat(audit("staff.role-changed", owner.id())).contains("member " + author.id())
			.contains("AUTHOR → EDITOR");
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

	/** The actor's latest entry for {@code action}: subject and detail. */
	private String audit(String action, long actorId) {
		return AdminProbe.lastBy(jdbc, actorId, action).summary();
	}

	private static Element rowOf(Visitor.Page page, String email) {
		return page.document()
			.select("table.staff tbody tr")
			.stream()
			.filter(row -> row.select("td").get(1).text().equals(email))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no row for " + email));
	}

}
