package org.backstory.members;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.backstory.Visitor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoginIntegrationTests {

	static final String GENERIC = "Email or password is incorrect.";

	static final String THROTTLED = "Too many sign-in attempts. Try again in a few minutes.";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MemberDirectory directory;

	@Test
	void signingInGoesToNextAndShowsAccountInTheHeader() {
		String email = MemberFixtures.reader(directory, "login");
		Visitor visitor = new Visitor(port);

		Visitor.Page answer = visitor.submit("/login?next=/p/paid-story", "/login",
				Map.of("email", email, "password", MemberFixtures.PASSWORD));

		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.header("Location")).endsWith("/p/paid-story");
		Visitor.Page home = visitor.get("/");
		assertThat(home.document().select("header a[href=/account]").text()).isEqualTo("Account");
		assertThat(home.document().select("header form[action=/logout] input[name=_csrf]")).hasSize(1);
	}

	@Test
	void anonymousLoginPageWritesNoSessionAndSigningInWritesExactlyOne() {
		String email = MemberFixtures.reader(directory, "rows");
		long memberId = directory.findByEmail(email).orElseThrow().id();
		long before = MemberFixtures.sessionRows(jdbc);
		Visitor visitor = new Visitor(port);

		visitor.get("/login");
		visitor.get("/login");
		assertThat(MemberFixtures.sessionRows(jdbc)).isEqualTo(before);
		assertThat(visitor.cookie("backstory_session")).isNull();

		visitor.signIn(email, MemberFixtures.PASSWORD);
		assertThat(MemberFixtures.sessionRows(jdbc)).isEqualTo(before + 1);
		assertThat(MemberFixtures.sessionsOf(jdbc, memberId)).isEqualTo(1);
	}

	@Test
	void theSessionCookieIsHttpOnlyAndSameSiteLax() {
		String email = MemberFixtures.reader(directory, "cookie");

		Visitor.Page answer = new Visitor(port).signIn(email, MemberFixtures.PASSWORD);

		assertThat(answer.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("backstory_session="))
			.singleElement()
			.satisfies(cookie -> assertThat(cookie).contains("HttpOnly")
				.contains("SameSite=Lax")
				.doesNotContain("Secure"));
	}

	@Test
	void signingInChangesTheSessionId() {
		String first = MemberFixtures.reader(directory, "fixation-a");
		String second = MemberFixtures.reader(directory, "fixation-b");
		Visitor visitor = new Visitor(port);
		visitor.signIn(first, MemberFixtures.PASSWORD);
		String before = visitor.cookie("backstory_session");

		visitor.signIn(second, MemberFixtures.PASSWORD);

		assertThat(before).isNotNull();
		assertThat(visitor.cookie("backstory_session")).isNotNull().isNotEqualTo(before);
		assertThat(jdbc.sql("select count(*) from spring_session where session_id = :id")
			.param("id", new String(java.util.Base64.getDecoder().decode(before)))
			.query(Long.class)
			.single()).isZero();
		assertThat(visitor.get("/account/profile").body()).contains(second);
	}

	@Test
	void wrongPasswordAndUnknownEmailFailAlikeWithoutASession() {
		String email = MemberFixtures.reader(directory, "wrong");
		long before = MemberFixtures.sessionRows(jdbc);

		Visitor.Page wrongPassword = new Visitor(port).signIn(email, "not the password");
		Visitor.Page unknownEmail = new Visitor(port).signIn(MemberFixtures.uniqueEmail("nobody"), "not the password");

		assertThat(wrongPassword.status()).isEqualTo(302);
		assertThat(wrongPassword.header("Location")).isEqualTo(unknownEmail.header("Location"))
			.endsWith("/login?error=credentials");
		assertThat(new Visitor(port).get("/login?error=credentials").document().select(".error").text())
			.isEqualTo(GENERIC);
		assertThat(MemberFixtures.sessionRows(jdbc)).isEqualTo(before);
	}

	@Test
	void failedSignInKeepsNextOnTheForm() {
		Visitor.Page answer = new Visitor(port).submit("/login?next=/p/x", "/login",
				Map.of("email", MemberFixtures.uniqueEmail("n"), "password", "whatever-it-is"));

		Visitor.Page form = new Visitor(port).get(answer.header("Location").replaceFirst("^https?://[^/]+", ""));
		assertThat(form.document().select("form[action=/login] input[name=next]").attr("value")).isEqualTo("/p/x");
	}

	@Test
	void malformedAndOversizedEmailsFailWithTheGenericMessage() {
		assertThat(new Visitor(port).signIn("not-an-email", "whatever-it-is").header("Location"))
			.endsWith("/login?error=credentials");
		assertThat(new Visitor(port).signIn("a".repeat(300) + "@example.test", "p".repeat(500)).header("Location"))
			.endsWith("/login?error=credentials");
	}

	@Test
	void loginWithoutCsrfTokenIsForbidden() {
		String email = MemberFixtures.reader(directory, "nocsrf");

		Visitor.Page answer = new Visitor(port).post("/login",
				Map.of("email", email, "password", MemberFixtures.PASSWORD));

		assertThat(answer.status()).isEqualTo(403);
	}

	@Test
	void fiveFailuresForAnAddressLockItEvenWithTheRightPassword() {
		String email = MemberFixtures.reader(directory, "locked");
		for (int i = 0; i < 5; i++) {
			new Visitor(port).signIn(email, "wrong password " + i);
		}

		Visitor.Page answer = new Visitor(port).signIn(email, MemberFixtures.PASSWORD);

		assertThat(answer.header("Location")).endsWith("/login?error=locked");
		assertThat(new Visitor(port).follow("/login?error=locked").document().select(".error").text())
			.startsWith("Too many failed sign-ins for this address");
		jdbc.sql(
				"update members.sign_in_throttle set locked_until = now() - interval '1 second' where throttle_key = :key")
			.param("key", "login-email:" + email.toLowerCase())
			.update();
		assertThat(new Visitor(port).signIn(email, MemberFixtures.PASSWORD).header("Location")).doesNotContain("error");
	}

	@Test
	void twentyFailuresFromOneIpLockThatIp() {
		String email = MemberFixtures.reader(directory, "ip");
		String ip = "203.0.113." + (int) (Math.random() * 250 + 1);
		for (int i = 0; i < 20; i++) {
			new Visitor(port, ip).signIn(MemberFixtures.uniqueEmail("guess"), "wrong password");
		}

		assertThat(new Visitor(port, ip).signIn(email, MemberFixtures.PASSWORD).header("Location"))
			.endsWith("/login?error=throttled");
		assertThat(new Visitor(port).follow("/login?error=throttled").document().select(".error").text())
			.isEqualTo(THROTTLED);
		assertThat(new Visitor(port).signIn(email, MemberFixtures.PASSWORD).header("Location")).doesNotContain("error");
	}

	@Test
	void loggingOutEndsTheSession() {
		String email = MemberFixtures.reader(directory, "logout");
		long memberId = directory.findByEmail(email).orElseThrow().id();
		Visitor visitor = new Visitor(port);
		visitor.signIn(email, MemberFixtures.PASSWORD);

		Visitor.Page answer = visitor.submit("/", "/logout", Map.of());

		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.header("Location")).endsWith("/");
		assertThat(MemberFixtures.sessionsOf(jdbc, memberId)).isZero();
		assertThat(visitor.get("/").document().select("header a[href=/login]").text()).isEqualTo("Log in");
	}

	@Test
	void accountPagesSendAnonymousReadersToLoginRememberingThePage() {
		Visitor.Page answer = new Visitor(port).get("/account/profile");

		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.header("Location")).endsWith("/login?next=%2Faccount%2Fprofile");
	}

}
