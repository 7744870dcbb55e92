package org.backstory.members.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.backstory.Visitor;
import org.backstory.admin.AdminProbe;
import org.backstory.admin.AdminProbe.AuditEntry;
import org.backstory.email.SentMail;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberProfile;
import org.backstory.members.MemberRole;
import org.backstory.members.NewAccount;
import org.backstory.members.web.StaffFixtures.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Changing one's address: asked with the password, applied only through the link mailed
 * to the new address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmailChangeIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory directory;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theChangeAppliesOnlyWhenTheLinkSentToTheNewAddressIsConfirmed() {
		SignedIn reader = StaffFixtures.signedIn(port, directory, MemberRole.MEMBER);
		Visitor elsewhere = new Visitor(port);
		elsewhere.signIn(reader.email(), MemberFixtures.PASSWORD);
		String newEmail = MemberFixtures.uniqueEmail("moved");

		Visitor.Page asked = ask(reader.visitor(), newEmail, MemberFixtures.PASSWORD);

		assertThat(asked.status()).isEqualTo(302);
		assertThat(asked.header("Location")).endsWith("/account/email?sent");
		assertThat(email(reader.id())).as("nothing changes when asking").isEqualTo(reader.email());
		String link = SentMail.lastTo(jdbc, newEmail).path("/email/change");
		Visitor.Page opened = reader.visitor().get(link);
		assertThat(opened.status()).isEqualTo(200);
		assertThat(opened.body()).contains(newEmail);
		assertThat(email(reader.id())).as("nor when the link is only opened").isEqualTo(reader.email());
		assertThat(elsewhere.get("/account/profile").status()).isEqualTo(200);

		Visitor.Page confirmed = reader.visitor().submit(link, "/email/change", Map.of());

		assertThat(confirmed.status()).isEqualTo(200);
		assertThat(confirmed.body()).contains("Email address changed");
		MemberProfile changed = directory.profile(reader.id()).orElseThrow();
		assertThat(changed.email()).isEqualTo(newEmail);
		assertThat(changed.emailVerified()).isTrue();
		assertThat(SentMail.lastTo(jdbc, reader.email()).subject()).isEqualTo("Your email address was changed");
		assertThat(SentMail.lastTo(jdbc, reader.email()).text()).contains(newEmail);
		assertThat(elsewhere.get("/account/profile").status()).as("the other session ended").isEqualTo(302);
		assertThat(reader.visitor().get("/account/profile").body()).as("this one goes on").contains(newEmail);
		assertThat(new Visitor(port).signIn(newEmail, MemberFixtures.PASSWORD).header("Location"))
			.doesNotContain("error");
		assertThat(new Visitor(port).signIn(reader.email(), MemberFixtures.PASSWORD).header("Location"))
			.contains("error");
		assertThat(new Visitor(port).get(link).status()).as("the link works once").isEqualTo(410);
	}

	@Test
	void theLinkWorksInABrowserThatIsNotSignedInAndEndsEverySession() {
		SignedIn reader = StaffFixtures.signedIn(port, directory, MemberRole.MEMBER);
		String newEmail = MemberFixtures.uniqueEmail("phone");
		ask(reader.visitor(), newEmail, MemberFixtures.PASSWORD);
		String link = SentMail.lastTo(jdbc, newEmail).path("/email/change");

		Visitor.Page confirmed = new Visitor(port).submit(link, "/email/change", Map.of());

		assertThat(confirmed.status()).isEqualTo(200);
		assertThat(email(reader.id())).isEqualTo(newEmail);
		assertThat(MemberFixtures.sessionsOf(jdbc, reader.id())).isZero();
		assertThat(reader.visitor().get("/account/profile").status()).isEqualTo(302);
	}

	@Test
	void aWrongPasswordChangesNothingAndMailsNothing() {
		SignedIn reader = StaffFixtures.signedIn(port, directory, MemberRole.MEMBER);
		String newEmail = MemberFixtures.uniqueEmail("wrongpw");

		Visitor.Page refused = ask(reader.visitor(), newEmail, "not my password");

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.document().select(".error").text()).contains("password is incorrect");
		assertThat(SentMail.countTo(jdbc, newEmail)).isZero();
		assertThat(email(reader.id())).isEqualTo(reader.email());
	}

	@Test
	void badAddressesAreRefusedWithAReason() {
		SignedIn reader = StaffFixtures.signedIn(port, directory, MemberRole.MEMBER);

		assertThat(ask(reader.visitor(), "not-an-address", MemberFixtures.PASSWORD).status()).isEqualTo(422);
		assertThat(ask(reader.visitor(), reader.email().toUpperCase(), MemberFixtures.PASSWORD).document()
			.select(".error")
			.text()).contains("your address already");
		assertThat(ask(reader.visitor(), "x".repeat(300) + "@example.test", MemberFixtures.PASSWORD).status())
			.isEqualTo(422);
	}

	@Test
	void anAddressWithAnAccountGetsANoticeAndTheAnswerIsTheSame() {
		SignedIn reader = StaffFixtures.signedIn(port, directory, MemberRole.MEMBER);
		String taken = MemberFixtures.reader(directory, "taken");

		Visitor.Page asked = ask(reader.visitor(), taken, MemberFixtures.PASSWORD);

		assertThat(asked.status()).isEqualTo(302);
		assertThat(asked.header("Location")).endsWith("/account/email?sent");
		SentMail notice = SentMail.lastTo(jdbc, taken);
		assertThat(notice.subject()).isEqualTo("This address already has an account");
		assertThat(notice.text()).doesNotContain("/email/change");
		assertThat(email(reader.id())).isEqualTo(reader.email());
	}

	@Test
	void anAddressTakenAfterTheLinkWasSentIsNotTakenOver() {
		SignedIn reader = StaffFixtures.signedIn(port, directory, MemberRole.MEMBER);
		String newEmail = MemberFixtures.uniqueEmail("raced");
		ask(reader.visitor(), newEmail, MemberFixtures.PASSWORD);
		String link = SentMail.lastTo(jdbc, newEmail).path("/email/change");
		directory.createAccount(new NewAccount(newEmail, "Someone Else", null, MemberRole.MEMBER, true));

		Visitor.Page confirmed = reader.visitor().submit(link, "/email/change", Map.of());

		assertThat(confirmed.status()).isEqualTo(409);
		assertThat(email(reader.id())).isEqualTo(reader.email());
	}

	@Test
	void theOwnerChangesTheirAddressTheSameWayAndItIsAudited() {
		SignedIn owner = StaffFixtures.signedIn(port, directory, MemberRole.OWNER);
		String newEmail = MemberFixtures.uniqueEmail("newowner");
		ask(owner.visitor(), newEmail, MemberFixtures.PASSWORD);
		assertThat(email(owner.id())).isEqualTo(owner.email());

		owner.visitor().submit(SentMail.lastTo(jdbc, newEmail).path("/email/change"), "/email/change", Map.of());

		assertThat(email(owner.id())).isEqualTo(newEmail);
		assertThat(owner.visitor().get("/admin/staff").status()).isEqualTo(200);
		assertThat(AdminProbe.entriesBy(jdbc, owner.id(), "staff.email-changed").stream().map(AuditEntry::detail))
			.containsExactly("was " + owner.email());
	}

	@Test
	void aLinkThatNeverExistedAnswersGone() {
		Visitor visitor = new Visitor(port);

		assertThat(visitor.get("/email/change?token=" + "B".repeat(43)).status()).isEqualTo(410);
		// A NUL character is refused before any page reads the token (site's
		// MalformedParameterFilter).
		assertThat(visitor.get("/email/change?token=%00").status()).isEqualTo(400);
		assertThat(StaffFixtures.post(visitor, "/email/change", Map.of("token", "nope")).status()).isEqualTo(410);
	}

	private static Visitor.Page ask(Visitor visitor, String newEmail, String password) {
		return visitor.submit("/account/email", "/account/email", Map.of("email", newEmail, "confirmation", password));
	}

	private String email(long memberId) {
		return directory.profile(memberId).orElseThrow().email();
	}

}
