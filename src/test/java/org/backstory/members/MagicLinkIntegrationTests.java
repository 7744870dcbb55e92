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
class MagicLinkIntegrationTests {

	static final String ANSWER = "If an account exists for that address, we've emailed a sign-in link";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MemberDirectory directory;

	@Test
	void askingForALinkAnswersTheSameWhetherOrNotTheAccountExists() {
		String known = MemberFixtures.reader(directory, "known");
		String unknown = MemberFixtures.uniqueEmail("unknown");

		Visitor.Page forKnown = new Visitor(port).submit("/login", "/login/link", Map.of("email", known));
		Visitor.Page forUnknown = new Visitor(port).submit("/login", "/login/link", Map.of("email", unknown));

		assertThat(forKnown.status()).isEqualTo(forUnknown.status()).isEqualTo(200);
		assertThat(forKnown.document().select("main").text()).isEqualTo(forUnknown.document().select("main").text())
			.contains(ANSWER);
		assertThat(SentMail.lastTo(jdbc, known).subject()).isEqualTo("Your sign-in link");
		assertThat(SentMail.countTo(jdbc, unknown)).isZero();
	}

	@Test
	void openingTheLinkAsksForConfirmationAndTheButtonSignsInOnce() {
		String email = MemberFixtures.reader(directory, "link");
		long memberId = directory.findByEmail(email).orElseThrow().id();
		new Visitor(port).submit("/login?next=/p/paid", "/login/link", Map.of("email", email));
		String link = SentMail.lastTo(jdbc, email).path("/login/link");
		assertThat(link).contains("next=%2Fp%2Fpaid");
		Visitor visitor = new Visitor(port);

		Visitor.Page confirmation = visitor.get(link);
		assertThat(confirmation.status()).isEqualTo(200);
		assertThat(confirmation.document().select("form[action=/login/link/confirm] button").text())
			.isEqualTo("Sign in");
		assertThat(MemberFixtures.sessionsOf(jdbc, memberId)).isZero();
		assertThat(visitor.get(link).status()).as("a second look, as a mail scanner would").isEqualTo(200);

		Visitor.Page signedIn = visitor.submit(link, "/login/link/confirm", Map.of());
		assertThat(signedIn.status()).isEqualTo(302);
		assertThat(signedIn.header("Location")).endsWith("/p/paid");
		assertThat(MemberFixtures.sessionsOf(jdbc, memberId)).isEqualTo(1);
		assertThat(visitor.get("/account/profile").body()).contains(email);

		Visitor.Page again = new Visitor(port).get(link);
		assertThat(again.status()).isEqualTo(410);
		assertThat(again.body()).contains("already been used");
	}

	@Test
	void anExpiredLinkSaysSo() {
		String email = MemberFixtures.reader(directory, "expired");
		long memberId = directory.findByEmail(email).orElseThrow().id();
		new Visitor(port).submit("/login", "/login/link", Map.of("email", email));
		String link = SentMail.lastTo(jdbc, email).path("/login/link");
		Visitor visitor = new Visitor(port);
		Visitor.Page confirmation = visitor.get(link);
		jdbc.sql("update members.one_time_token set expires_at = now() - interval '1 second' where member_id = :id")
			.param("id", memberId)
			.update();

		Visitor.Page page = visitor.get(link);

		assertThat(confirmation.status()).isEqualTo(200);
		assertThat(page.status()).isEqualTo(410);
		assertThat(page.body()).contains("has expired");
		assertThat(MemberFixtures.sessionsOf(jdbc, memberId)).isZero();
	}

	@Test
	void pressingSignInWithAnExpiredTokenSaysSo() {
		String email = MemberFixtures.reader(directory, "late");
		long memberId = directory.findByEmail(email).orElseThrow().id();
		new Visitor(port).submit("/login", "/login/link", Map.of("email", email));
		String link = SentMail.lastTo(jdbc, email).path("/login/link");
		Visitor visitor = new Visitor(port);
		Visitor.Page confirmation = visitor.get(link);
		String token = confirmation.document().select("input[name=token]").attr("value");
		String csrf = confirmation.document().select("input[name=_csrf]").attr("value");
		jdbc.sql("update members.one_time_token set expires_at = now() - interval '1 second' where member_id = :id")
			.param("id", memberId)
			.update();

		Visitor.Page pressed = visitor.post("/login/link/confirm", Map.of("token", token, "_csrf", csrf));

		assertThat(pressed.status()).isEqualTo(410);
		assertThat(pressed.body()).contains("has expired");
		assertThat(MemberFixtures.sessionsOf(jdbc, memberId)).isZero();
	}

	@Test
	void aMadeUpTokenIsNotValid() {
		Visitor.Page page = new Visitor(port).get("/login/link?token=" + "x".repeat(43));

		assertThat(page.status()).isEqualTo(410);
		assertThat(page.body()).contains("not valid");
	}

	@Test
	void malformedEmailGetsAMessageOnTheLoginPage() {
		Visitor.Page page = new Visitor(port).submit("/login", "/login/link", Map.of("email", "nope@"));

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.document().select(".members-alternative .error").text()).contains("valid email address");
	}

	@Test
	void linkRequestsForOneAddressAreLimited() {
		String email = MemberFixtures.reader(directory, "flood");
		for (int i = 0; i < 5; i++) {
			new Visitor(port).submit("/login", "/login/link", Map.of("email", email));
		}

		Visitor.Page sixth = new Visitor(port).submit("/login", "/login/link", Map.of("email", email));

		assertThat(sixth.document().select(".error").text()).contains("Too many");
		assertThat(SentMail.countTo(jdbc, email)).isEqualTo(5);
	}

	@Test
	void requestingALinkWithoutCsrfTokenIsForbidden() {
		String email = MemberFixtures.reader(directory, "linkcsrf");

		assertThat(new Visitor(port).post("/login/link", Map.of("email", email)).status()).isEqualTo(403);
		assertThat(SentMail.countTo(jdbc, email)).isZero();
	}

}
