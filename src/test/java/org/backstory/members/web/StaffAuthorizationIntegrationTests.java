package org.backstory.members.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.backstory.Visitor;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberRole;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Only the owner reaches the staff page and its actions: every other role gets 403,
 * anonymous visitors the login.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StaffAuthorizationIntegrationTests {

	static final String[] POSTS = { "/admin/staff/invites", "/admin/staff/invites/1/revoke", "/admin/staff/1/role",
			"/admin/staff/1/remove" };

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory directory;

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest
	@EnumSource(value = MemberRole.class, names = { "MEMBER", "CONTRIBUTOR", "AUTHOR", "EDITOR", "ADMINISTRATOR" })
	void everyRoleBelowTheOwnerIsForbidden(MemberRole role) {
		StaffFixtures.SignedIn staff = StaffFixtures.signedIn(port, directory, role);
		long invites = jdbc.sql("select count(*) from members.staff_invite").query(Long.class).single();

		assertThat(staff.visitor().get("/admin/staff").status()).isEqualTo(403);
		for (String path : POSTS) {
			assertThat(staff.post(path, Map.of("email", "x@example.test", "role", "EDITOR")).status()).as(path)
				.isEqualTo(403);
		}
		assertThat(jdbc.sql("select count(*) from members.staff_invite").query(Long.class).single()).isEqualTo(invites);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/admin/staff", "/admin/audit" })
	void theOwnerGetsInAndTheAdministratorDoesNot(String path) {
		assertThat(StaffFixtures.signedIn(port, directory, MemberRole.OWNER).visitor().get(path).status())
			.isEqualTo(200);
		assertThat(StaffFixtures.signedIn(port, directory, MemberRole.ADMINISTRATOR).visitor().get(path).status())
			.isEqualTo(403);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/admin/staff", "/admin/audit" })
	void anonymousVisitorsAreSentToLogin(String path) {
		Visitor.Page page = new Visitor(port).get(path);

		assertThat(page.status()).isEqualTo(302);
		assertThat(page.header("Location")).contains("/login?next=");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/admin/staff/invites", "/admin/staff/invites/1/revoke", "/admin/staff/1/role",
			"/admin/staff/1/remove" })
	void anonymousPostsAreSentToLogin(String path) {
		Visitor.Page page = StaffFixtures.post(new Visitor(port), path, Map.of("role", "EDITOR"));

		assertThat(page.status()).isEqualTo(302);
		assertThat(page.header("Location")).contains("/login");
	}

}
