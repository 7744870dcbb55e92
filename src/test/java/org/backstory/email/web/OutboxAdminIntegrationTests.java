package org.backstory.email.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.backstory.Visitor;
import org.backstory.email.Mail;
import org.backstory.email.Mailer;
import org.backstory.email.SentMail;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OutboxAdminIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Mailer mailer;

	@Autowired
	MemberDirectory directory;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theOwnerSeesTheOutboxAndOpensAMessageWithClickableLinks() {
		String to = MemberFixtures.uniqueEmail("outbox");
		mailer.send(Mail.text(to, "Outbox subject", "Open https://example.test/login/link?token=abc now"));
		long id = SentMail.lastTo(jdbc, to).id();
		Visitor owner = signedIn(MemberRole.OWNER);

		Visitor.Page list = owner.get("/admin/email/outbox");
		Visitor.Page message = owner.get("/admin/email/outbox/" + id);

		assertThat(list.status()).isEqualTo(200);
		assertThat(list.document().select("table.outbox td").eachText()).contains(to, "Outbox subject");
		assertThat(message.status()).isEqualTo(200);
		assertThat(message.document().select(".mail-body a").attr("href"))
			.isEqualTo("https://example.test/login/link?token=abc");
		assertThat(message.document().select(".mail-body").text())
			.contains("Open https://example.test/login/link?token=abc now");
	}

	@Test
	void otherStaffSeeTheListButNotMessageBodies() {
		String to = MemberFixtures.uniqueEmail("secret");
		mailer.send(Mail.text(to, "Secret link", "https://example.test/password/reset?token=xyz"));
		long id = SentMail.lastTo(jdbc, to).id();
		Visitor editor = signedIn(MemberRole.EDITOR);

		assertThat(editor.get("/admin/email/outbox").status()).isEqualTo(200);
		assertThat(editor.get("/admin/email/outbox/" + id).status()).isEqualTo(403);
	}

	@Test
	void readersAndAnonymousVisitorsCannotSeeTheOutbox() {
		assertThat(signedIn(MemberRole.MEMBER).get("/admin/email/outbox").status()).isEqualTo(403);
		assertThat(new Visitor(port).get("/admin/email/outbox").header("Location")).contains("/login");
	}

	@Test
	void anUnknownMessageIsNotFound() {
		assertThat(signedIn(MemberRole.OWNER).get("/admin/email/outbox/999999999").status()).isEqualTo(404);
	}

	private Visitor signedIn(MemberRole role) {
		String email = MemberFixtures.account(directory, role.name().toLowerCase(), role);
		Visitor visitor = new Visitor(port);
		visitor.signIn(email, MemberFixtures.PASSWORD);
		return visitor;
	}

}
