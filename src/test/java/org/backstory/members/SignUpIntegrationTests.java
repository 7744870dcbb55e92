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

/**
 * Sign-up as Ghost does it: address and name only, nobody signed in until the mailed link
 * comes back, and the same answer whether or not the address has an account.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignUpIntegrationTests {

	static final String CHECK_INBOX = "We've emailed you a link. Open it to finish signing up";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MemberDirectory directory;

	@Test
	void signUpCreatesAnUnverifiedAccountWithoutPasswordOrSessionAndMailsAConfirmationLink() {
		String email = MemberFixtures.uniqueEmail("ada");
		Visitor visitor = new Visitor(port);

		Visitor.Page answer = visitor.submit("/signup?next=/p/some-article", "/signup",
				Map.of("email", email, "name", "Ada Lovelace"));

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.document().select("main").text()).contains("Check your inbox", CHECK_INBOX);
		MemberProfile profile = directory.findByEmail(email).orElseThrow();
		assertThat(profile.name()).isEqualTo("Ada Lovelace");
		assertThat(profile.role()).isEqualTo(MemberRole.MEMBER);
		assertThat(profile.emailVerified()).isFalse();
		assertThat(hasPassword(email)).isFalse();
		assertThat(MemberFixtures.sessionsOf(jdbc, profile.id())).isZero();
		assertThat(visitor.get("/account/profile").status()).as("not signed in").isEqualTo(302);
		SentMail mail = SentMail.lastTo(jdbc, email);
		assertThat(mail.subject()).isEqualTo("Confirm your email address");
		assertThat(mail.path("/verify")).contains("next=%2Fp%2Fsome-article");
	}

	@Test
	void theConfirmationLinkAsksForAPressThenVerifiesSignsInAndGoesToNext() {
		String email = MemberFixtures.uniqueEmail("grace");
		new Visitor(port).submit("/signup?next=/p/some-article", "/signup", Map.of("email", email, "name", "Grace"));
		long memberId = directory.findByEmail(email).orElseThrow().id();
		String link = SentMail.lastTo(jdbc, email).path("/verify");
		Visitor reader = new Visitor(port);

		Visitor.Page opened = reader.get(link);
		assertThat(opened.status()).isEqualTo(200);
		assertThat(opened.document().select("form[action=/verify] button").text()).isEqualTo("Confirm and sign in");
		assertThat(reader.get(link).status()).as("a second look, as a mail scanner would").isEqualTo(200);
		assertThat(directory.findByEmail(email).orElseThrow().emailVerified()).isFalse();

		Visitor.Page confirmed = reader.submit(link, "/verify", Map.of());

		assertThat(confirmed.status()).isEqualTo(302);
		assertThat(confirmed.header("Location")).endsWith("/p/some-article");
		assertThat(directory.findByEmail(email).orElseThrow().emailVerified()).isTrue();
		assertThat(MemberFixtures.sessionsOf(jdbc, memberId)).isEqualTo(1);
		assertThat(reader.get("/account/profile").body()).contains("Grace", "verified");
		Visitor.Page again = new Visitor(port).get(link);
		assertThat(again.status()).isEqualTo(410);
		assertThat(again.body()).contains("already been used");
	}

	@Test
	void confirmingInABrowserSignedInAsSomeoneElseSignsInWithANewSessionId() {
		String other = MemberFixtures.reader(directory, "other");
		Visitor browser = new Visitor(port);
		browser.signIn(other, MemberFixtures.PASSWORD);
		String before = browser.cookie("backstory_session");
		String email = MemberFixtures.uniqueEmail("switch");
		browser.submit("/signup", "/signup", Map.of("email", email, "name", "Switching Reader"));
		String link = SentMail.lastTo(jdbc, email).path("/verify");

		browser.submit(link, "/verify", Map.of());

		assertThat(browser.cookie("backstory_session")).isNotNull().isNotEqualTo(before);
		assertThat(browser.get("/account/profile").body()).contains(email).doesNotContain(other);
	}

	@Test
	void anExpiredConfirmationLinkSaysSoAndPointsToSignIn() {
		String email = MemberFixtures.uniqueEmail("late");
		new Visitor(port).submit("/signup", "/signup", Map.of("email", email, "name", "Late Reader"));
		long memberId = directory.findByEmail(email).orElseThrow().id();
		String link = SentMail.lastTo(jdbc, email).path("/verify");
		jdbc.sql("update members.one_time_token set expires_at = now() - interval '1 second' where member_id = :id")
			.param("id", memberId)
			.update();

		Visitor.Page page = new Visitor(port).get(link);

		assertThat(page.status()).isEqualTo(410);
		assertThat(page.body()).contains("has expired");
		assertThat(page.document().select("main a[href=/login]")).hasSize(1);
		assertThat(directory.findByEmail(email).orElseThrow().emailVerified()).isFalse();
	}

	@Test
	void anAddressWithAnAccountGetsTheSameAnswerAndASignInLinkAndNothingElseChanges() {
		String existing = MemberFixtures.reader(directory, "taken");
		long memberId = directory.findByEmail(existing).orElseThrow().id();
		String hashBefore = passwordHash(existing);

		Visitor.Page forNew = new Visitor(port).submit("/signup", "/signup",
				Map.of("email", MemberFixtures.uniqueEmail("fresh"), "name", "Someone"));
		Visitor.Page forExisting = new Visitor(port).submit("/signup?next=/p/paid", "/signup",
				Map.of("email", existing.toUpperCase(), "name", "Someone"));

		assertThat(forExisting.status()).isEqualTo(forNew.status()).isEqualTo(200);
		assertThat(forExisting.document().select("main").text()).isEqualTo(forNew.document().select("main").text());
		assertThat(MemberFixtures.members(jdbc, existing)).isEqualTo(1);
		assertThat(directory.findByEmail(existing).orElseThrow().name()).isEqualTo("Test taken");
		assertThat(passwordHash(existing)).isEqualTo(hashBefore);
		assertThat(MemberFixtures.sessionsOf(jdbc, memberId)).isZero();
		SentMail mail = SentMail.lastTo(jdbc, existing);
		assertThat(mail.subject()).isEqualTo("Your sign-in link");
		assertThat(mail.text()).contains("Someone, maybe you, tried to sign up with this address");
		Visitor owner = new Visitor(port);
		Visitor.Page signedIn = owner.submit(mail.path("/login/link"), "/login/link/confirm", Map.of());
		assertThat(signedIn.header("Location")).endsWith("/p/paid");
	}

	@Test
	void aPasswordSentWithTheFormIsIgnored() {
		String email = MemberFixtures.uniqueEmail("pw");

		new Visitor(port).submit("/signup", "/signup",
				Map.of("email", email, "name", "Pat Password", "password", MemberFixtures.PASSWORD));

		assertThat(hasPassword(email)).isFalse();
		assertThat(new Visitor(port).signIn(email, MemberFixtures.PASSWORD).header("Location")).contains("error");
	}

	@Test
	void nextPointingToAnotherHostIsIgnored() {
		String email = MemberFixtures.uniqueEmail("next");
		new Visitor(port).submit("/signup?next=//evil.example/x", "/signup", Map.of("email", email, "name", "N"));
		String link = SentMail.lastTo(jdbc, email).path("/verify");

		Visitor.Page confirmed = new Visitor(port).submit(link, "/verify", Map.of("next", "//evil.example/x"));

		assertThat(link).doesNotContain("evil");
		assertThat(confirmed.header("Location")).doesNotContain("evil").endsWith("/");
	}

	@Test
	void signUpsForOneAddressAreLimitedWhetherOrNotItHasAnAccount() {
		String existing = MemberFixtures.reader(directory, "flooded");
		for (int i = 0; i < 5; i++) {
			new Visitor(port).submit("/signup", "/signup", Map.of("email", existing, "name", "Flood"));
		}

		Visitor.Page sixth = new Visitor(port).submit("/signup", "/signup", Map.of("email", existing, "name", "Flood"));

		assertThat(sixth.status()).isEqualTo(422);
		assertThat(sixth.document().select(".error").text()).contains("Too many sign-ups");
		assertThat(SentMail.countTo(jdbc, existing)).isEqualTo(5);
	}

	@Test
	void malformedEmailIsRefusedWithAMessage() {
		assertRefused(Map.of("email", "not-an-email", "name", "X"), "Enter a valid email address", "not-an-email");
	}

	@Test
	void oversizedNameIsRefusedWithAMessage() {
		String email = MemberFixtures.uniqueEmail("long");
		assertRefused(Map.of("email", email, "name", "n".repeat(101)), "at most 100 characters", email);
	}

	@Test
	void oversizedEmailIsRefusedWithAMessage() {
		String email = "a".repeat(250) + "@example.test";
		assertRefused(Map.of("email", email, "name", "Long"), "too long", email);
	}

	@Test
	void signUpWithoutCsrfTokenIsForbidden() {
		String email = MemberFixtures.uniqueEmail("csrf");

		Visitor.Page answer = new Visitor(port).post("/signup", Map.of("email", email, "name", "No Token"));

		assertThat(answer.status()).isEqualTo(403);
		assertThat(MemberFixtures.members(jdbc, email)).isZero();
	}

	@Test
	void theFormAsksForNoPassword() {
		assertThat(new Visitor(port).get("/signup").document().select("form[action=/signup] input[type=password]"))
			.isEmpty();
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

	private boolean hasPassword(String email) {
		return !passwordHash(email).isEmpty();
	}

	/** The stored hash, or empty for none. */
	private String passwordHash(String email) {
		return jdbc.sql("select coalesce(password_hash, '') from members.member where lower(email) = lower(:email)")
			.param("email", email)
			.query(String.class)
			.single();
	}

}
