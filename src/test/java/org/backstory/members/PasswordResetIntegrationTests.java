package org.backstory.members;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.backstory.Visitor;
import org.backstory.email.SentMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PasswordResetIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MemberDirectory directory;

	@Test
	void resettingThePasswordEndsOtherSessionsAndSignsThisBrowserIn() {
		String email = MemberFixtures.reader(directory, "reset");
		long memberId = directory.findByEmail(email).orElseThrow().id();
		Visitor elsewhere = new Visitor(port);
		elsewhere.signIn(email, MemberFixtures.PASSWORD);
		assertThat(MemberFixtures.sessionsOf(jdbc, memberId)).isEqualTo(1);

		Visitor visitor = new Visitor(port);
		Visitor.Page asked = visitor.submit("/password/forgot", "/password/forgot", Map.of("email", email));
		assertThat(asked.body()).contains("If an account exists for that address");
		String link = SentMail.lastTo(jdbc, email).path("/password/reset");
		Visitor.Page saved = visitor.submit(link, "/password/reset", Map.of("password", "a brand new password"));

		assertThat(saved.status()).isEqualTo(302);
		assertThat(MemberFixtures.sessionsOf(jdbc, memberId)).isEqualTo(1);
		assertThat(elsewhere.get("/account/profile").status()).isEqualTo(302);
		assertThat(visitor.get("/account/profile").body()).contains(email);
		assertThat(new Visitor(port).signIn(email, "a brand new password").header("Location")).doesNotContain("error");
		assertThat(new Visitor(port).signIn(email, MemberFixtures.PASSWORD).header("Location")).contains("error");
		assertThat(new Visitor(port).get(link).body()).contains("already been used");
	}

	@Test
	void aWeakNewPasswordIsRefusedAndTheLinkStillWorks() {
		String email = MemberFixtures.reader(directory, "resetweak");
		Visitor visitor = new Visitor(port);
		visitor.submit("/password/forgot", "/password/forgot", Map.of("email", email));
		String link = SentMail.lastTo(jdbc, email).path("/password/reset");

		Visitor.Page refused = visitor.submit(link, "/password/reset", Map.of("password", "short"));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.document().select(".error").text()).contains("at least 10 characters");
		assertThat(visitor.get(link).status()).isEqualTo(200);
	}

	@Test
	void askingForAResetAnswersTheSameForUnknownAddresses() {
		String unknown = MemberFixtures.uniqueEmail("noreset");

		Visitor.Page asked = new Visitor(port).submit("/password/forgot", "/password/forgot", Map.of("email", unknown));

		assertThat(asked.body()).contains("If an account exists for that address");
		assertThat(SentMail.countTo(jdbc, unknown)).isZero();
	}

	@Test
	void anExpiredResetLinkSaysSo() {
		String email = MemberFixtures.reader(directory, "resetlate");
		long memberId = directory.findByEmail(email).orElseThrow().id();
		new Visitor(port).submit("/password/forgot", "/password/forgot", Map.of("email", email));
		String link = SentMail.lastTo(jdbc, email).path("/password/reset");
		jdbc.sql("update members.one_time_token set expires_at = now() - interval '1 second' where member_id = :id")
			.param("id", memberId)
			.update();

		Visitor.Page page = new Visitor(port).get(link);

		assertThat(page.status()).isEqualTo(410);
		assertThat(page.body()).contains("has expired");
	}

}
