package org.backstory.members.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.backstory.Visitor;
import org.backstory.email.SentMail;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.backstory.members.NewAccount;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The first time an emailed link proves a member's address, a password chosen before
 * stops working and every other session ends, whichever link it was; later proofs change
 * nothing. The accounts here stand for those made before sign-up waited for the address:
 * a password and a session, the address not verified.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AddressProofIntegrationTests {

	private static final String NEW_PASSWORD = "a brand new passphrase";

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory directory;

	@Autowired
	JdbcClient jdbc;

	/**
	 * An account from before, signed in by password in {@code session}, its address not
	 * verified.
	 */
	record Unproven(String email, long id, Visitor session) {
	}

	@Test
	void passwordSignInNeedsAVerifiedAddress() {
		String email = MemberFixtures.uniqueEmail("unproven");
		long id = directory
			.createAccount(new NewAccount(email, "Unproven", MemberFixtures.PASSWORD, MemberRole.MEMBER, false));

		Visitor.Page answer = new Visitor(port).signIn(email, MemberFixtures.PASSWORD);

		assertThat(answer.header("Location")).contains("/login?error=credentials");
		assertThat(MemberFixtures.sessionsOf(jdbc, id)).isZero();
	}

	@Test
	void theFirstSignInLinkClearsTheEarlierPasswordAndEndsEveryOtherSession() {
		Unproven account = unproven("link");
		Visitor owner = new Visitor(port);

		owner.submit(signInLink(account.email()), "/login/link/confirm", Map.of());

		assertThat(account.session().get("/account/profile").status()).isEqualTo(302);
		assertThat(owner.get("/account/profile").status()).isEqualTo(200);
		assertThat(MemberFixtures.sessionsOf(jdbc, account.id())).isEqualTo(1);
		assertThat(hasPassword(account.id())).isFalse();
		assertThat(new Visitor(port).signIn(account.email(), MemberFixtures.PASSWORD).header("Location"))
			.contains("error");
	}

	@Test
	void theFirstConfirmationLinkDoesTheSameEvenToTheSessionThatAskedForIt() {
		Unproven account = unproven("confirm");
		account.session().submit("/account/profile", "/account/verification", Map.of());
		Visitor mailbox = new Visitor(port);

		mailbox.submit(SentMail.lastTo(jdbc, account.email()).path("/verify"), "/verify", Map.of());

		assertThat(account.session().get("/account/profile").status()).isEqualTo(302);
		assertThat(mailbox.get("/account/profile").status()).isEqualTo(200);
		assertThat(hasPassword(account.id())).isFalse();
	}

	@Test
	void aPasswordResetAsTheFirstProofKeepsTheNewPasswordAndEndsTheOtherSessions() {
		Unproven account = unproven("reset");
		new Visitor(port).submit("/password/forgot", "/password/forgot", Map.of("email", account.email()));
		String link = SentMail.lastTo(jdbc, account.email()).path("/password/reset");

		new Visitor(port).submit(link, "/password/reset", Map.of("password", NEW_PASSWORD));

		assertThat(account.session().get("/account/profile").status()).isEqualTo(302);
		assertThat(new Visitor(port).signIn(account.email(), MemberFixtures.PASSWORD).header("Location"))
			.contains("error");
		assertThat(new Visitor(port).signIn(account.email(), NEW_PASSWORD).header("Location")).doesNotContain("error");
	}

	@Test
	void acceptingAnInviteAsTheFirstProofClearsThePasswordAndEndsTheOtherSessions() {
		Unproven account = unproven("invited");
		Visitor elsewhere = new Visitor(port);
		elsewhere.signIn(account.email(), MemberFixtures.PASSWORD);
		String invite = invite(account.email());

		account.session().submit(invite, "/staff/invite/accept", Map.of());

		assertThat(account.session().get("/admin").status()).isEqualTo(200);
		assertThat(elsewhere.get("/account/profile").status()).isEqualTo(302);
		assertThat(hasPassword(account.id())).isFalse();
	}

	@Test
	void acceptingAnInviteKeepsThisBrowserWithANewSessionIdAndEndsEveryOtherSession() {
		String email = MemberFixtures.reader(directory, "joining");
		long id = directory.findByEmail(email).orElseThrow().id();
		Visitor here = new Visitor(port);
		here.signIn(email, MemberFixtures.PASSWORD);
		Visitor elsewhere = new Visitor(port);
		elsewhere.signIn(email, MemberFixtures.PASSWORD);
		String before = here.cookie("backstory_session");
		String invite = invite(email);

		here.submit(invite, "/staff/invite/accept", Map.of());

		assertThat(here.cookie("backstory_session")).isNotEqualTo(before);
		assertThat(here.get("/admin/newsletters").status()).as("an editor now").isEqualTo(200);
		assertThat(elsewhere.get("/account/profile").status()).isEqualTo(302);
		assertThat(MemberFixtures.sessionsOf(jdbc, id)).isEqualTo(1);
		assertThat(new Visitor(port).signIn(email, MemberFixtures.PASSWORD).header("Location"))
			.as("the address was proven long ago: the password stays")
			.doesNotContain("error");
	}

	@Test
	void laterProofsLeaveThePasswordAndTheOtherSessionsAlone() {
		String email = MemberFixtures.reader(directory, "proven");
		long id = directory.findByEmail(email).orElseThrow().id();
		Visitor first = new Visitor(port);
		first.signIn(email, MemberFixtures.PASSWORD);

		new Visitor(port).submit(signInLink(email), "/login/link/confirm", Map.of());

		assertThat(first.get("/account/profile").status()).isEqualTo(200);
		assertThat(MemberFixtures.sessionsOf(jdbc, id)).isEqualTo(2);
		assertThat(hasPassword(id)).isTrue();
	}

	private Unproven unproven(String who) {
		String email = MemberFixtures.reader(directory, who);
		long id = directory.findByEmail(email).orElseThrow().id();
		Visitor session = new Visitor(port);
		session.signIn(email, MemberFixtures.PASSWORD);
		jdbc.sql("update members.member set email_verified_at = null where id = :id").param("id", id).update();
		return new Unproven(email, id, session);
	}

	private String signInLink(String email) {
		new Visitor(port).submit("/login", "/login/link", Map.of("email", email));
		return SentMail.lastTo(jdbc, email).path("/login/link");
	}

	private String invite(String email) {
		StaffFixtures.signedIn(port, directory, MemberRole.OWNER)
			.visitor()
			.submit("/admin/staff", "/admin/staff/invites", Map.of("email", email, "role", "EDITOR"));
		return SentMail.lastTo(jdbc, email).path("/staff/invite");
	}

	private boolean hasPassword(long memberId) {
		return jdbc.sql("select password_hash is not null from members.member where id = :id")
			.param("id", memberId)
			.query(Boolean.class)
			.single();
	}

}
