package org.backstory.members.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.backstory.Visitor;
import org.backstory.admin.AdminProbe;
import org.backstory.email.SentMail;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberProfile;
import org.backstory.members.MemberRole;
import org.backstory.members.web.StaffFixtures.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StaffInviteIntegrationTests {

	static final String STAFF = "/admin/staff";

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory directory;

	@Autowired
	JdbcClient jdbc;

	@Test
	void someoneWithoutAnAccountAcceptsAnInviteAndSignsInAsStaff() {
		SignedIn owner = owner();
		String email = MemberFixtures.uniqueEmail("new-editor");

		Visitor.Page sent = owner.visitor()
			.submit(STAFF, "/admin/staff/invites", Map.of("email", email, "role", "EDITOR"));
		assertThat(sent.status()).isEqualTo(302);
		assertThat(owner.visitor().get(STAFF).document().select("table.staff-invites").text()).contains(email,
				"Editor");
		SentMail mail = SentMail.lastTo(jdbc, email);
		assertThat(mail.subject()).isEqualTo("You're invited to join the staff");
		String link = mail.path("/staff/invite");

		Visitor invitee = new Visitor(port);
		Visitor.Page opened = invitee.get(link);
		assertThat(opened.status()).isEqualTo(200);
		assertThat(opened.document().select("main").text()).contains("Editor", email);
		assertThat(invitee.get(link).status()).as("a second look, as a mail scanner would").isEqualTo(200);

		Visitor.Page created = invitee.submit(link, "/staff/invite",
				Map.of("name", "Nora New", "password", MemberFixtures.PASSWORD));
		assertThat(created.status()).isEqualTo(200);
		assertThat(created.document().select("h1").text()).isEqualTo("Welcome to the staff");

		MemberProfile profile = directory.findByEmail(email).orElseThrow();
		assertThat(profile.role()).isEqualTo(MemberRole.EDITOR);
		assertThat(profile.name()).isEqualTo("Nora New");
		assertThat(profile.emailVerified()).isTrue();
		Visitor staff = new Visitor(port);
		staff.signIn(email, MemberFixtures.PASSWORD);
		assertThat(staff.get("/admin/newsletters").status()).isEqualTo(200);
		assertThat(owner.visitor().get(STAFF).document().select("table.staff-invites").text()).doesNotContain(email);
		assertThat(auditCount("staff.invited", owner.id(), email)).isEqualTo(1);
		assertThat(auditCount("staff.joined", profile.id(), email)).isEqualTo(1);
	}

	@Test
	void aMemberWithAnAccountSignsInAndAcceptsToBePromoted() {
		SignedIn owner = owner();
		String email = MemberFixtures.reader(directory, "promoted");
		owner.visitor().submit(STAFF, "/admin/staff/invites", Map.of("email", email, "role", "AUTHOR"));
		String link = SentMail.lastTo(jdbc, email).path("/staff/invite");
		Visitor member = new Visitor(port);

		Visitor.Page anonymous = member.get(link);
		assertThat(anonymous.status()).isEqualTo(200);
		String signIn = anonymous.document().select("a.invite-sign-in").attr("href");
		assertThat(signIn).startsWith("/login?next=");
		assertThat(anonymous.document().select("form[action=/staff/invite]")).isEmpty();

		Visitor.Page signedIn = member.submit(signIn, "/login",
				Map.of("email", email, "password", MemberFixtures.PASSWORD));
		assertThat(signedIn.header("Location")).contains("/staff/invite?token=");
		assertThat(member.get("/admin/publish").status()).isEqualTo(403);

		Visitor.Page accepted = member.submit(link, "/staff/invite/accept", Map.of());

		assertThat(accepted.status()).isEqualTo(302);
		assertThat(accepted.header("Location")).endsWith("/admin");
		assertThat(member.get("/admin/publish").status()).as("this browser, signed in again as an author")
			.isEqualTo(200);
		assertThat(directory.findByEmail(email).orElseThrow().role()).isEqualTo(MemberRole.AUTHOR);
	}

	@Test
	void anInviteCannotBeAcceptedFromAnotherAccount() {
		SignedIn owner = owner();
		String invited = MemberFixtures.reader(directory, "invited");
		owner.visitor().submit(STAFF, "/admin/staff/invites", Map.of("email", invited, "role", "EDITOR"));
		String link = SentMail.lastTo(jdbc, invited).path("/staff/invite");
		SignedIn other = StaffFixtures.signedIn(port, directory, MemberRole.MEMBER);

		assertThat(other.visitor().get(link).document().select(".error").text()).contains("another address");
		Visitor.Page refused = other.post("/staff/invite/accept", Map.of("token", token(link)));

		assertThat(refused.status()).isEqualTo(403);
		assertThat(directory.findByEmail(other.email()).orElseThrow().role()).isEqualTo(MemberRole.MEMBER);
		assertThat(new Visitor(port).get(link).status()).as("the invite still works").isEqualTo(200);
	}

	@Test
	void aUsedInviteLinkSaysSo() {
		String link = invite(MemberFixtures.uniqueEmail("used"), "CONTRIBUTOR");
		Visitor invitee = new Visitor(port);
		invitee.submit(link, "/staff/invite", Map.of("name", "Una Used", "password", MemberFixtures.PASSWORD));

		Visitor.Page again = new Visitor(port).get(link);

		assertThat(again.status()).isEqualTo(410);
		assertThat(again.body()).contains("already been used");
	}

	@Test
	void aRevokedInviteLinkSaysSoAndLeavesTheList() {
		SignedIn owner = owner();
		String email = MemberFixtures.uniqueEmail("revoked");
		owner.visitor().submit(STAFF, "/admin/staff/invites", Map.of("email", email, "role", "EDITOR"));
		String link = SentMail.lastTo(jdbc, email).path("/staff/invite");
		Visitor invitee = new Visitor(port);
		String form = invitee.get(link).document().select("input[name=_csrf]").attr("value");
		long inviteId = jdbc.sql("select id from members.staff_invite where email = :email")
			.param("email", email)
			.query(Long.class)
			.single();

		Visitor.Page revoked = owner.visitor().submit(STAFF, "/admin/staff/invites/" + inviteId + "/revoke", Map.of());

		assertThat(revoked.status()).isEqualTo(302);
		assertThat(owner.visitor().get(STAFF).body()).doesNotContain(email);
		Visitor.Page opened = invitee.get(link);
		assertThat(opened.status()).isEqualTo(410);
		assertThat(opened.body()).contains("withdrawn");
		Visitor.Page submitted = invitee.post("/staff/invite", Map.of("_csrf", form, "token", token(link), "name",
				"Rita Revoked", "password", MemberFixtures.PASSWORD));
		assertThat(submitted.status()).isEqualTo(410);
		assertThat(directory.findByEmail(email)).isEmpty();
		assertThat(auditCount("staff.invite-revoked", owner.id(), email)).isEqualTo(1);
	}

	@Test
	void anExpiredInviteLinkSaysSo() {
		String email = MemberFixtures.uniqueEmail("expired");
		String link = invite(email, "AUTHOR");
		jdbc.sql("update members.staff_invite set expires_at = now() - interval '1 second' where email = :email")
			.param("email", email)
			.update();

		Visitor.Page opened = new Visitor(port).get(link);

		assertThat(opened.status()).isEqualTo(410);
		assertThat(opened.body()).contains("expired");
	}

	@Test
	void anUnknownInviteLinkIsGone() {
		assertThat(new Visitor(port).get("/staff/invite?token=" + "x".repeat(43)).status()).isEqualTo(410);
		assertThat(new Visitor(port).get("/staff/invite").status()).isEqualTo(410);
	}

	@Test
	void invitingAgainReplacesTheEarlierLink() {
		String email = MemberFixtures.uniqueEmail("twice");
		String first = invite(email, "AUTHOR");
		String second = invite(email, "EDITOR");

		assertThat(new Visitor(port).get(first).status()).isEqualTo(410);
		assertThat(new Visitor(port).get(second).document().select("main").text()).contains("Editor");
	}

	@Test
	void aBadAddressOrSomeoneAlreadyOnTheStaffIsRefusedInTheForm() {
		SignedIn owner = owner();
		SignedIn editor = StaffFixtures.signedIn(port, directory, MemberRole.EDITOR);

		Visitor.Page bad = owner.visitor()
			.submit(STAFF, "/admin/staff/invites", Map.of("email", "not an address", "role", "EDITOR"));
		Visitor.Page staff = owner.visitor()
			.submit(STAFF, "/admin/staff/invites", Map.of("email", editor.email(), "role", "AUTHOR"));
		Visitor.Page owned = owner.visitor()
			.submit(STAFF, "/admin/staff/invites",
					Map.of("email", MemberFixtures.uniqueEmail("boss"), "role", "OWNER"));

		assertThat(bad.status()).isEqualTo(422);
		assertThat(bad.document().select("input[name=email]").val()).isEqualTo("not an address");
		assertThat(staff.status()).isEqualTo(422);
		assertThat(staff.document().select(".error").text()).contains("on the staff already");
		assertThat(owned.status()).isEqualTo(422);
	}

	@Test
	void aWeakPasswordIsRefusedAndTheInviteStillWorks() {
		String email = MemberFixtures.uniqueEmail("weak");
		String link = invite(email, "EDITOR");
		Visitor invitee = new Visitor(port);

		Visitor.Page refused = invitee.submit(link, "/staff/invite", Map.of("name", "Wes Weak", "password", "short"));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.document().select("input[name=name]").val()).isEqualTo("Wes Weak");
		assertThat(directory.findByEmail(email)).isEmpty();
		assertThat(invitee.get(link).status()).isEqualTo(200);
	}

	@Test
	void aLeakedPasswordIsRefusedAndTheInviteStillWorks() {
		String email = MemberFixtures.uniqueEmail("leaked");
		String link = invite(email, "AUTHOR");
		Visitor invitee = new Visitor(port);

		Visitor.Page refused = invitee.submit(link, "/staff/invite",
				Map.of("name", "Lee Leaked", "password", "qwerty123456"));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.document().select(".error").text()).contains("too common");
		assertThat(directory.findByEmail(email)).isEmpty();
		assertThat(invitee.submit(link, "/staff/invite", Map.of("name", "Lee Leaked", "password", "an uncommon phrase"))
			.status()).isEqualTo(200);
		assertThat(directory.findByEmail(email).orElseThrow().role()).isEqualTo(MemberRole.AUTHOR);
	}

	private SignedIn owner() {
		return StaffFixtures.signedIn(port, directory, MemberRole.OWNER);
	}

	/** Has a new owner invite {@code email}; returns the mailed link. */
	private String invite(String email, String role) {
		owner().visitor().submit(STAFF, "/admin/staff/invites", Map.of("email", email, "role", role));
		return SentMail.lastTo(jdbc, email).path("/staff/invite");
	}

	private static String token(String link) {
		return link.substring(link.indexOf("token=") + "token=".length());
	}

	private long auditCount(String action, long actorId, String text) {
		return AdminProbe.entriesBy(jdbc, actorId, action)
			.stream()
			.filter(entry -> entry.subject().contains(text))
			.count();
	}

}
