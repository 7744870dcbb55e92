package org.backstory.members.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.backstory.Visitor;
import org.backstory.email.SentMail;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.backstory.members.web.StaffFixtures.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Account pre-hijacking: someone signs up with another person's address before they do,
 * keeps the browser they signed up in, and waits for the real owner of the address to be
 * invited to the staff.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PreHijackIntegrationTests {

	private static final String ATTACKERS_PASSWORD = "attacker knows this one";

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory directory;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAttackerWhoSignedUpWithTheAddressFirstReachesNeitherTheAccountNorTheAdminAfterTheOwnerJoinsTheStaff() {
		String address = MemberFixtures.uniqueEmail("victim");
		Visitor attacker = new Visitor(port);
		attacker.submit("/signup", "/signup",
				Map.of("email", address, "name", "Mallory", "password", ATTACKERS_PASSWORD));

		Visitor victim = new Visitor(port);
		victim.submit("/login", "/login/link", Map.of("email", address));
		String link = SentMail.lastTo(jdbc, address).path("/login/link");
		assertThat(victim.submit(link, "/login/link/confirm", Map.of()).status()).isEqualTo(302);

		SignedIn owner = StaffFixtures.signedIn(port, directory, MemberRole.OWNER);
		owner.visitor().submit("/admin/staff", "/admin/staff/invites", Map.of("email", address, "role", "EDITOR"));
		String invite = SentMail.lastTo(jdbc, address).path("/staff/invite");
		Visitor.Page accepted = victim.submit(invite, "/staff/invite/accept", Map.of());
		assertThat(accepted.header("Location")).endsWith("/admin");
		assertThat(victim.get("/admin/newsletters").status()).as("the invitee, now an editor").isEqualTo(200);

		assertThat(attacker.get("/account").status()).as("the attacker's cookies on /account").isEqualTo(302);
		assertThat(attacker.get("/admin").status()).as("the attacker's cookies on /admin").isEqualTo(302);
		assertThat(attacker.get("/admin/newsletters").status()).isEqualTo(302);
		assertThat(new Visitor(port).signIn(address, ATTACKERS_PASSWORD).header("Location"))
			.as("the attacker's password")
			.contains("error");
	}

}
