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
class SignUpIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MemberDirectory directory;

	@Test
	void signUpCreatesTheMemberSignsThemInAndGoesToNext() {
		String email = MemberFixtures.uniqueEmail("ada");
		Visitor visitor = new Visitor(port);

		Visitor.Page answer = visitor.submit("/signup?next=/p/some-article", "/signup",
				Map.of("email", email, "name", "Ada Lovelace", "password", MemberFixtures.PASSWORD));

		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.header("Location")).endsWith("/p/some-article");
		MemberProfile profile = directory.findByEmail(email).orElseThrow();
		assertThat(profile.name()).isEqualTo("Ada Lovelace");
		assertThat(profile.role()).isEqualTo(MemberRole.MEMBER);
		assertThat(profile.emailVerified()).isFalse();
		assertThat(MemberFixtures.sessionsOf(jdbc, profile.id())).isEqualTo(1);
		assertThat(visitor.get("/account/profile").body()).contains("Ada Lovelace");
	}

	@Test
	void signUpMailsAVerificationLinkThatVerifiesTheAddress() {
		String email = MemberFixtures.uniqueEmail("grace");
		Visitor visitor = new Visitor(port);
		visitor.submit("/signup", "/signup", Map.of("email", email, "name", "Grace", "password", MemberFixtures.PASSWORD));

		SentMail mail = SentMail.lastTo(jdbc, email);
		assertThat(mail.subject()).isEqualTo("Confirm your email address");
		Visitor.Page verified = new Visitor(port).get(mail.path("/verify"));

		assertThat(verified.status()).isEqualTo(200);
		assertThat(verified.body()).contains("your email address is verified");
		assertThat(directory.findByEmail(email).orElseThrow().emailVerified()).isTrue();
		assertThat(new Visitor(port).get(mail.path("/verify")).body()).contains("already been used");
	}

	@Test
	void nextPointingToAnotherHostIsIgnored() {
		Visitor.Page answer = new Visitor(port).submit("/signup?next=//evil.example/x", "/signup",
				Map.of("email", MemberFixtures.uniqueEmail("next"), "name", "N", "password", MemberFixtures.PASSWORD));

		assertThat(answer.header("Location")).doesNotContain("evil").endsWith("/");
	}

	@Test
	void malformedEmailIsRefusedWithAMessage() {
		assertRefused(Map.of("email", "not-an-email", "name", "X", "password", MemberFixtures.PASSWORD),
				"Enter a valid email address", "not-an-email");
	}

	@Test
	void duplicateSignUpSaysTheAddressIsTakenAndCreatesNoSecondRow() {
		String email = MemberFixtures.reader(directory, "dup");

		Visitor.Page answer = new Visitor(port).submit("/signup", "/signup",
				Map.of("email", email.toUpperCase(), "name", "Again", "password", MemberFixtures.PASSWORD));

		assertThat(answer.status()).isEqualTo(422);
		assertThat(answer.document().select(".error").text()).contains("already exists");
		assertThat(MemberFixtures.members(jdbc, email)).isEqualTo(1);
		assertThat(SentMail.countTo(jdbc, email)).isZero();
	}

	@Test
	void weakPasswordIsRefusedWithAMessage() {
		String email = MemberFixtures.uniqueEmail("weak");
		assertRefused(Map.of("email", email, "name", "Weak", "password", "short"), "at least 10 characters", email);
	}

	@Test
	void oversizedNameIsRefusedWithAMessage() {
		String email = MemberFixtures.uniqueEmail("long");
		assertRefused(Map.of("email", email, "name", "n".repeat(101), "password", MemberFixtures.PASSWORD),
				"at most 100 characters", email);
	}

	@Test
	void oversizedEmailIsRefusedWithAMessage() {
		String email = "a".repeat(250) + "@example.test";
		assertRefused(Map.of("email", email, "name", "Long", "password", MemberFixtures.PASSWORD), "too long", email);
	}

	@Test
	void oversizedPasswordIsRefusedWithAMessage() {
		String email = MemberFixtures.uniqueEmail("longpw");
		assertRefused(Map.of("email", email, "name", "Long", "password", "p".repeat(201)), "at most 200 characters",
				email);
	}

	@Test
	void signUpWithoutCsrfTokenIsForbidden() {
		String email = MemberFixtures.uniqueEmail("csrf");

		Visitor.Page answer = new Visitor(port).post("/signup",
				Map.of("email", email, "name", "No Token", "password", MemberFixtures.PASSWORD));

		assertThat(answer.status()).isEqualTo(403);
		assertThat(MemberFixtures.members(jdbc, email)).isZero();
	}

	private void assertRefused(Map<String, String> fields, String message, String email) {
		long sessions = MemberFixtures.sessionRows(jdbc);

		Visitor.Page answer = new Visitor(port).submit("/signup", "/signup", fields);

		assertThat(answer.status()).isEqualTo(422);
		assertThat(answer.document().select(".error").text()).contains(message);
		assertThat(answer.document().select("form[action=/signup]")).hasSize(1);
		assertThat(MemberFixtures.members(jdbc, email)).isZero();
		assertThat(SentMail.countTo(jdbc, email)).isZero();
		assertThat(MemberFixtures.sessionRows(jdbc)).isEqualTo(sessions);
	}

}
