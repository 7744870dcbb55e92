package org.backstory.members.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.backstory.AllAtOnce;
import org.backstory.Visitor;
import org.backstory.email.SentMail;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.backstory.members.account.Totp;
import org.backstory.members.web.StaffFixtures.SignedIn;
import org.backstory.members.web.TwoFactorFixtures.Phone;
import org.backstory.publishing.SettableClock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The second step of a staff member's sign-in over HTTP: after a right password or
 * emailed link the browser reaches nothing until the code from the authenticator (or a
 * recovery code) is right; codes work once and within a step of the clock, wrong ones are
 * throttled however many arrive at once, and bad input answers 4xx.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SettableClock.Configuration.class)
class SecondFactorIntegrationTests extends TwoFactorIntegrationTestSupport {

	private static final String CODE_PAGE = SecondFactorController.PATH;

	@Test
	void aPasswordSignInReachesNeitherAdminNorAccountBeforeTheCode() {
		SignedIn editor = team.signedIn(MemberRole.EDITOR);
		Phone phone = team.enroll(editor);
		long sessionsBefore = MemberFixtures.sessionsOf(jdbc, editor.id());
		Visitor browser = new Visitor(port);

		Visitor.Page password = browser.submit("/login", "/login",
				Map.of("email", editor.email(), "password", MemberFixtures.PASSWORD, "next", "/admin/articles"));
		String pendingSession = browser.cookie("backstory_session");

		assertThat(password.header("Location")).endsWith(CODE_PAGE);
		assertHalfSignedIn(browser, editor.id(), sessionsBefore);
		String pendingCsrf = browser.get(CODE_PAGE).document().selectFirst("input[name=_csrf]").val();

		clock.advance(Totp.STEP);
		Visitor.Page code = browser.submit(CODE_PAGE, CODE_PAGE, Map.of("code", phone.code(clock)));

		assertThat(code.status()).isEqualTo(302);
		assertThat(code.header("Location")).endsWith("/admin/articles");
		assertThat(browser.cookie("backstory_session")).as("a new session id after the code")
			.isNotEqualTo(pendingSession);
		assertThat(browser.post("/account/sessions/others/end", Map.of("_csrf", pendingCsrf)).status())
			.as("the CSRF token of the half-signed-in session")
			.isEqualTo(403);
		assertThat(browser.get("/admin").status()).isEqualTo(200);
		assertThat(browser.get("/account").status()).isEqualTo(200);
		assertThat(MemberFixtures.sessionsOf(jdbc, editor.id())).isEqualTo(sessionsBefore + 1);
	}

	@Test
	void aSignInLinkAsksForTheCodeToo() {
		SignedIn owner = team.signedIn(MemberRole.OWNER);
		Phone phone = team.enroll(owner);
		long sessionsBefore = MemberFixtures.sessionsOf(jdbc, owner.id());
		Visitor browser = new Visitor(port);
		browser.submit("/login", "/login/link", Map.of("email", owner.email(), "next", "/admin/staff"));

		Visitor.Page link = browser.submit(SentMail.lastTo(jdbc, owner.email()).path("/login/link"),
				"/login/link/confirm", Map.of());

		assertThat(link.header("Location")).endsWith(CODE_PAGE);
		assertHalfSignedIn(browser, owner.id(), sessionsBefore);

		clock.advance(Totp.STEP);
		Visitor.Page code = browser.submit(CODE_PAGE, CODE_PAGE, Map.of("code", phone.code(clock)));

		assertThat(code.header("Location")).endsWith("/admin/staff");
		assertThat(browser.get("/admin/staff").status()).isEqualTo(200);
	}

	@Test
	void aCodeSignsInOnceAndNeverAgain() {
		SignedIn editor = team.signedIn(MemberRole.EDITOR);
		Phone phone = team.enroll(editor);
		clock.advance(Totp.STEP);
		String code = phone.code(clock);
		Visitor first = team.pending(editor);
		Visitor second = team.pending(editor);

		assertThat(first.submit(CODE_PAGE, CODE_PAGE, Map.of("code", code)).status()).isEqualTo(302);
		Visitor.Page replay = second.submit(CODE_PAGE, CODE_PAGE, Map.of("code", code));

		assertThat(replay.status()).isEqualTo(422);
		assertThat(replay.body()).contains("That code has signed in already.");
		assertThat(second.get("/admin").header("Location")).contains("/login");

		clock.advance(Duration.ofSeconds(-30));
		assertThat(second.submit(CODE_PAGE, CODE_PAGE, Map.of("code", phone.code(clock))).status())
			.as("an older step than the one used")
			.isEqualTo(422);
		clock.advance(Duration.ofSeconds(60));
		assertThat(second.submit(CODE_PAGE, CODE_PAGE, Map.of("code", phone.code(clock))).status()).as("the next step")
			.isEqualTo(302);
	}

	@Test
	void codesOfTheStepsEitherSideAreTakenForClockDrift() {
		SignedIn editor = team.signedIn(MemberRole.EDITOR);
		Phone phone = team.enroll(editor);
		clock.advance(Duration.ofMinutes(5));
		String aheadByOneStep = Totp.code(phone.secret(), Totp.step(clock.instant()) + 1);
		String threeStepsAhead = Totp.code(phone.secret(), Totp.step(clock.instant()) + 3);
		Visitor browser = team.pending(editor);

		assertThat(browser.submit(CODE_PAGE, CODE_PAGE, Map.of("code", threeStepsAhead)).status()).isEqualTo(422);
		assertThat(browser.submit(CODE_PAGE, CODE_PAGE, Map.of("code", aheadByOneStep)).status()).isEqualTo(302);
	}

	@Test
	void fiftyParallelWrongCodesCheckAtMostFive() throws Exception {
		SignedIn editor = team.signedIn(MemberRole.EDITOR);
		Phone phone = team.enroll(editor);
		Visitor browser = team.pending(editor);
		String csrf = browser.get(CODE_PAGE).document().selectFirst("input[name=_csrf]").val();
		List<Callable<Integer>> guesses = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			String guess = TwoFactorFixtures.otherThan(phone.secret(), clock, i);
			guesses.add(() -> browser.post(CODE_PAGE, Map.of("_csrf", csrf, "code", guess)).status());
		}

		List<Integer> answers = AllAtOnce.run(guesses);

		assertThat(answers).filteredOn(status -> status == 422).hasSize(5);
		assertThat(answers).filteredOn(status -> status == 429).hasSize(45);
		Visitor.Page right = browser.submit(CODE_PAGE, CODE_PAGE, Map.of("code", phone.code(clock)));
		assertThat(right.status()).as("even the right code while locked").isEqualTo(429);
		assertThat(right.body()).contains("Too many wrong codes for this account")
			.contains("recovery codes")
			.contains("reset two-factor sign-in for your account");
		assertThat(browser.get("/admin").header("Location")).contains("/login");

		clock.advance(Duration.ofMinutes(6));
		Visitor later = team.pending(editor);
		assertThat(later.submit(CODE_PAGE, CODE_PAGE, Map.of("code", phone.code(clock))).status()).as("after the wait")
			.isEqualTo(302);
	}

	@Test
	void aRecoveryCodeTakesThePlaceOfACodeOnce() {
		SignedIn author = team.signedIn(MemberRole.AUTHOR);
		Phone phone = team.enroll(author);
		String recovery = phone.recoveryCodes().get(3);

		Visitor first = team.pending(author);
		Visitor.Page in = first.submit(CODE_PAGE, CODE_PAGE,
				Map.of("code", " " + recovery.toLowerCase().replace('-', ' ')));
		assertThat(in.status()).isEqualTo(302);
		assertThat(first.get("/admin").status()).isEqualTo(200);

		Visitor again = team.pending(author);
		assertThat(again.submit(CODE_PAGE, CODE_PAGE, Map.of("code", recovery)).status()).isEqualTo(422);
		assertThat(again.get("/admin").header("Location")).contains("/login");
		assertThat(first.get(TwoFactorController.PATH).body()).contains("9</strong> unused recovery codes");
	}

	@Test
	void aSecretThatDoesNotOpenWithTheKeyAnswers503AndSignsNobodyIn() {
		SignedIn editor = team.signedIn(MemberRole.EDITOR);
		Phone phone = team.enroll(editor);
		jdbc.sql(
				"update members.two_factor set secret = set_byte(secret, 20, get_byte(secret, 20) # 1) where member_id = :id")
			.param("id", editor.id())
			.update();
		Visitor browser = team.pending(editor);

		clock.advance(Totp.STEP);
		Visitor.Page page = browser.submit(CODE_PAGE, CODE_PAGE, Map.of("code", phone.code(clock)));

		assertThat(page.status()).isEqualTo(503);
		assertThat(browser.get("/admin").header("Location")).contains("/login");
	}

	@Test
	void theCodeMustComeWithinTenMinutes() {
		SignedIn editor = team.signedIn(MemberRole.EDITOR);
		Phone phone = team.enroll(editor);
		Visitor browser = team.pending(editor);
		String csrf = browser.get(CODE_PAGE).document().selectFirst("input[name=_csrf]").val();

		clock.advance(Duration.ofMinutes(11));
		Visitor.Page late = browser.post(CODE_PAGE, Map.of("_csrf", csrf, "code", phone.code(clock)));

		assertThat(late.status()).isEqualTo(410);
		assertThat(browser.get(CODE_PAGE).header("Location")).endsWith("/login");
		assertThat(browser.get("/admin").header("Location")).contains("/login");
	}

	@Test
	void badInputToTheCodePagesAnswers4xx() {
		SignedIn editor = team.signedIn(MemberRole.EDITOR);
		team.enroll(editor);
		Visitor browser = team.pending(editor);
		String csrf = browser.get(CODE_PAGE).document().selectFirst("input[name=_csrf]").val();

		for (String bad : List.of("x".repeat(100_000), "99999999999999999999999", "１２３４５６", "abcdef", "-123456", "")) {
			Visitor.Page page = browser.post(CODE_PAGE, Map.of("_csrf", csrf, "code", bad));
			assertThat(page.status()).as("code %s", bad.length() > 20 ? bad.length() + " characters" : bad)
				.isEqualTo(422);
			assertThat(page.body()).contains("Type the 6 digits");
		}
		// A NUL in any parameter is refused before any page reads it
		// (site.MalformedParameterFilter).
		for (String bad : List.of("\u0000", "12345\u0000")) {
			assertThat(browser.post(CODE_PAGE, Map.of("_csrf", csrf, "code", bad)).status()).isEqualTo(400);
		}
		Visitor stranger = new Visitor(port);
		String strangerCsrf = stranger.get("/login").document().selectFirst("input[name=_csrf]").val();
		assertThat(stranger.post(CODE_PAGE, Map.of("_csrf", strangerCsrf, "code", "123456")).status()).isEqualTo(410);
		assertThat(stranger.get(CODE_PAGE + "?code=123456").status()).isEqualTo(302);

		SignedIn other = team.signedIn(MemberRole.CONTRIBUTOR);
		assertThat(other.visitor()
			.submit(TwoFactorController.PATH, TwoFactorController.PATH, Map.of("code", "abcdef"))
			.status()).isEqualTo(422);
	}

	/**
	 * What a browser holding only the first step may reach: nothing a staff member or a
	 * member can.
	 */
	private void assertHalfSignedIn(Visitor browser, long memberId, long sessionsBefore) {
		assertThat(browser.get("/admin").header("Location")).contains("/login");
		assertThat(browser.get("/admin/articles").header("Location")).contains("/login");
		assertThat(browser.get(TwoFactorController.PATH).header("Location")).contains("/login");
		assertThat(browser.get("/account").header("Location")).contains("/login");
		assertThat(browser.get("/account/sessions").header("Location")).contains("/login");
		assertThat(MemberFixtures.sessionsOf(jdbc, memberId)).as("no session carries the member yet")
			.isEqualTo(sessionsBefore);
		assertThat(browser.get(CODE_PAGE).status()).isEqualTo(200);
	}

}
