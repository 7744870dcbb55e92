package org.backstory.members.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.backstory.AllAtOnce;
import org.backstory.Visitor;
import org.backstory.email.SentMail;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.backstory.members.account.Totp;
import org.backstory.members.web.StaffFixtures.SignedIn;
import org.backstory.members.web.TwoFactorFixtures.Phone;
import org.backstory.publishing.PublicationService;
import org.backstory.publishing.SettableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Staff two-factor sign-in over HTTP: turning it on with a QR code and a first code, the second step after a
 * password or an emailed link (before which the session reaches nothing), no replay, throttled guesses,
 * recovery codes, turning it off. Codes come from the secret the page shows, computed as an app would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SettableClock.Configuration.class)
class TwoFactorIntegrationTests {

	private static final String CODE_PAGE = SecondFactorController.PATH;

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory directory;

	@Autowired
	PublicationService publications;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SettableClock clock;

	private final List<Long> enrolled = new ArrayList<>();

	@AfterEach
	void putBack() {
		clock.reset();
		enrolled.forEach(id -> jdbc.sql("delete from members.two_factor where member_id = :id").param("id", id).update());
	}

	@Test
	void theSetupPageShowsAQrCodeOfTheOtpauthUriAndAFirstCodeTurnsItOn() throws Exception {
		SignedIn editor = staff(MemberRole.EDITOR);
		Visitor.Page setup = editor.visitor().get(TwoFactorController.PATH);
		byte[] secret = TwoFactorFixtures.secret(setup.document());

		assertThat(setup.status()).isEqualTo(200);
		assertThat(setup.header("Cache-Control")).contains("no-store");
		assertThat(TwoFactorFixtures.qrText(setup.document())).isEqualTo("otpauth://totp/"
				+ encoded(publications.publication().name()) + ":" + editor.email().replace("@", "%40") + "?secret="
				+ setup.document().selectFirst(".two-factor-secret").text().replace(" ", "") + "&issuer="
				+ encoded(publications.publication().name()) + "&algorithm=SHA1&digits=6&period=30");
		assertThat(secret).hasSize(20);

		Visitor.Page wrong = editor.visitor().submit(TwoFactorController.PATH, TwoFactorController.PATH,
				Map.of("code", otherThan(secret)));
		assertThat(wrong.status()).isEqualTo(422);
		assertThat(confirmed(editor.id())).isFalse();

		Phone phone = TwoFactorFixtures.turnOn(editor.visitor(), clock);
		enrolled.add(editor.id());
		assertThat(phone.secret()).isEqualTo(secret);
		assertThat(phone.recoveryCodes()).hasSize(10).doesNotHaveDuplicates();
		assertThat(confirmed(editor.id())).isTrue();
		assertThat(editor.visitor().get(TwoFactorController.PATH).body()).contains("10</strong> unused recovery codes");
	}

	@Test
	void theSecretIsStoredSealedAndTheRecoveryCodesHashed() {
		SignedIn editor = staff(MemberRole.EDITOR);
		Phone phone = enroll(editor);

		byte[] stored = jdbc.sql("select secret from members.two_factor where member_id = :id")
			.param("id", editor.id())
			.query(byte[].class)
			.single();
		List<byte[]> hashes = jdbc.sql("select code_hash from members.two_factor_recovery_code where member_id = :id")
			.param("id", editor.id())
			.query(byte[].class)
			.list();

		assertThat(stored).hasSize(1 + 12 + 20 + 16);
		assertThat(indexOf(stored, phone.secret())).isEqualTo(-1);
		assertThat(hashes).hasSize(10).allSatisfy(hash -> assertThat(hash).hasSize(32));
		assertThat(hashes).noneSatisfy(hash -> assertThat(new String(hash, StandardCharsets.ISO_8859_1))
			.contains(phone.recoveryCodes().get(0).substring(0, 4)));
	}

	@Test
	void aPasswordSignInReachesNeitherAdminNorAccountBeforeTheCode() {
		SignedIn editor = staff(MemberRole.EDITOR);
		Phone phone = enroll(editor);
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
		assertThat(browser.cookie("backstory_session")).as("a new session id after the code").isNotEqualTo(pendingSession);
		assertThat(browser.post("/account/sessions/others/end", Map.of("_csrf", pendingCsrf)).status())
			.as("the CSRF token of the half-signed-in session").isEqualTo(403);
		assertThat(browser.get("/admin").status()).isEqualTo(200);
		assertThat(browser.get("/account").status()).isEqualTo(200);
		assertThat(MemberFixtures.sessionsOf(jdbc, editor.id())).isEqualTo(sessionsBefore + 1);
	}

	@Test
	void aSignInLinkAsksForTheCodeToo() {
		SignedIn owner = staff(MemberRole.OWNER);
		Phone phone = enroll(owner);
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
		SignedIn editor = staff(MemberRole.EDITOR);
		Phone phone = enroll(editor);
		clock.advance(Totp.STEP);
		String code = phone.code(clock);
		Visitor first = pending(editor);
		Visitor second = pending(editor);

		assertThat(first.submit(CODE_PAGE, CODE_PAGE, Map.of("code", code)).status()).isEqualTo(302);
		Visitor.Page replay = second.submit(CODE_PAGE, CODE_PAGE, Map.of("code", code));

		assertThat(replay.status()).isEqualTo(422);
		assertThat(replay.body()).contains("That code has signed in already.");
		assertThat(second.get("/admin").header("Location")).contains("/login");

		clock.advance(Duration.ofSeconds(-30));
		assertThat(second.submit(CODE_PAGE, CODE_PAGE, Map.of("code", phone.code(clock))).status())
			.as("an older step than the one used").isEqualTo(422);
		clock.advance(Duration.ofSeconds(60));
		assertThat(second.submit(CODE_PAGE, CODE_PAGE, Map.of("code", phone.code(clock))).status())
			.as("the next step").isEqualTo(302);
	}

	@Test
	void codesOfTheStepsEitherSideAreTakenForClockDrift() {
		SignedIn editor = staff(MemberRole.EDITOR);
		Phone phone = enroll(editor);
		clock.advance(Duration.ofMinutes(5));
		String aheadByOneStep = Totp.code(phone.secret(), Totp.step(clock.instant()) + 1);
		String threeStepsAhead = Totp.code(phone.secret(), Totp.step(clock.instant()) + 3);
		Visitor browser = pending(editor);

		assertThat(browser.submit(CODE_PAGE, CODE_PAGE, Map.of("code", threeStepsAhead)).status()).isEqualTo(422);
		assertThat(browser.submit(CODE_PAGE, CODE_PAGE, Map.of("code", aheadByOneStep)).status()).isEqualTo(302);
	}

	@Test
	void fiftyParallelWrongCodesCheckAtMostFive() throws Exception {
		SignedIn editor = staff(MemberRole.EDITOR);
		Phone phone = enroll(editor);
		Visitor browser = pending(editor);
		String csrf = browser.get(CODE_PAGE).document().selectFirst("input[name=_csrf]").val();
		List<Callable<Integer>> guesses = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			String guess = otherThan(phone.secret(), i);
			guesses.add(() -> browser.post(CODE_PAGE, Map.of("_csrf", csrf, "code", guess)).status());
		}

		List<Integer> answers = AllAtOnce.run(guesses);

		assertThat(answers).filteredOn(status -> status == 422).hasSize(5);
		assertThat(answers).filteredOn(status -> status == 429).hasSize(45);
		Visitor.Page right = browser.submit(CODE_PAGE, CODE_PAGE, Map.of("code", phone.code(clock)));
		assertThat(right.status()).as("even the right code while locked").isEqualTo(429);
		assertThat(right.body()).contains("Too many wrong codes for this account").contains("recovery codes")
			.contains("reset two-factor sign-in for your account");
		assertThat(browser.get("/admin").header("Location")).contains("/login");

		clock.advance(Duration.ofMinutes(6));
		Visitor later = pending(editor);
		assertThat(later.submit(CODE_PAGE, CODE_PAGE, Map.of("code", phone.code(clock))).status())
			.as("after the wait").isEqualTo(302);
	}

	@Test
	void aRecoveryCodeTakesThePlaceOfACodeOnce() {
		SignedIn author = staff(MemberRole.AUTHOR);
		Phone phone = enroll(author);
		String recovery = phone.recoveryCodes().get(3);

		Visitor first = pending(author);
		Visitor.Page in = first.submit(CODE_PAGE, CODE_PAGE, Map.of("code", " " + recovery.toLowerCase().replace('-', ' ')));
		assertThat(in.status()).isEqualTo(302);
		assertThat(first.get("/admin").status()).isEqualTo(200);

		Visitor again = pending(author);
		assertThat(again.submit(CODE_PAGE, CODE_PAGE, Map.of("code", recovery)).status()).isEqualTo(422);
		assertThat(again.get("/admin").header("Location")).contains("/login");
		assertThat(first.get(TwoFactorController.PATH).body()).contains("9</strong> unused recovery codes");
	}

	@Test
	void newRecoveryCodesNeedAConfirmationAndEndTheOldOnes() {
		SignedIn editor = staff(MemberRole.EDITOR);
		Phone phone = enroll(editor);

		Visitor.Page wrong = editor.visitor().submit(TwoFactorController.PATH, TwoFactorController.PATH + "/recovery-codes",
				Map.of("confirmation", "not my password"));
		assertThat(wrong.status()).isEqualTo(422);

		Visitor.Page fresh = editor.visitor().submit(TwoFactorController.PATH,
				TwoFactorController.PATH + "/recovery-codes", Map.of("confirmation", MemberFixtures.PASSWORD));
		List<String> codes = fresh.document().select(".recovery-codes li").eachText();
		assertThat(codes).hasSize(10).doesNotContainAnyElementsOf(phone.recoveryCodes());

		assertThat(pending(editor).submit(CODE_PAGE, CODE_PAGE, Map.of("code", phone.recoveryCodes().get(0))).status())
			.as("an old code").isEqualTo(422);
		assertThat(pending(editor).submit(CODE_PAGE, CODE_PAGE, Map.of("code", codes.get(0))).status())
			.as("a new code").isEqualTo(302);
	}

	@Test
	void turningItOffNeedsACurrentCodeOrThePassword() {
		SignedIn editor = staff(MemberRole.EDITOR);
		Phone phone = enroll(editor);
		String off = TwoFactorController.PATH + "/off";

		assertThat(editor.visitor().submit(TwoFactorController.PATH, off, Map.of("confirmation", "wrong password"))
			.status()).isEqualTo(422);
		assertThat(editor.visitor().submit(TwoFactorController.PATH, off, Map.of("confirmation", otherThan(phone.secret())))
			.status()).isEqualTo(422);
		assertThat(confirmed(editor.id())).isTrue();

		clock.advance(Totp.STEP);
		Visitor.Page done = editor.visitor().submit(TwoFactorController.PATH, off, Map.of("confirmation", phone.code(clock)));

		assertThat(done.header("Location")).endsWith(TwoFactorController.PATH + "?off");
		assertThat(confirmed(editor.id())).isFalse();
		assertThat(new Visitor(port).signIn(editor.email(), MemberFixtures.PASSWORD).header("Location")).endsWith("/");
	}

	@Test
	void aReaderIsNeverAskedForACode() {
		String email = MemberFixtures.reader(directory, "no-second-factor");
		Visitor reader = new Visitor(port);

		assertThat(reader.signIn(email, MemberFixtures.PASSWORD).header("Location")).doesNotContain(CODE_PAGE);
		assertThat(reader.get("/account").status()).isEqualTo(200);
		assertThat(reader.get(TwoFactorController.PATH).status()).isEqualTo(403);
	}

	@Test
	void someoneTakenOffTheStaffLosesTheirSecondFactor() {
		SignedIn owner = staff(MemberRole.OWNER);
		SignedIn author = staff(MemberRole.AUTHOR);
		enroll(author);

		owner.visitor().submit("/admin/staff", "/admin/staff/" + author.id() + "/remove", Map.of());

		assertThat(jdbc.sql("select count(*) from members.two_factor where member_id = :id").param("id", author.id())
			.query(Long.class).single()).isZero();
		assertThat(new Visitor(port).signIn(author.email(), MemberFixtures.PASSWORD).header("Location"))
			.doesNotContain(CODE_PAGE);
	}

	@Test
	void aSecretThatDoesNotOpenWithTheKeyAnswers503AndSignsNobodyIn() {
		SignedIn editor = staff(MemberRole.EDITOR);
		Phone phone = enroll(editor);
		jdbc.sql("update members.two_factor set secret = set_byte(secret, 20, get_byte(secret, 20) # 1) where member_id = :id")
			.param("id", editor.id())
			.update();
		Visitor browser = pending(editor);

		clock.advance(Totp.STEP);
		Visitor.Page page = browser.submit(CODE_PAGE, CODE_PAGE, Map.of("code", phone.code(clock)));

		assertThat(page.status()).isEqualTo(503);
		assertThat(browser.get("/admin").header("Location")).contains("/login");
	}

	@Test
	void theCodeMustComeWithinTenMinutes() {
		SignedIn editor = staff(MemberRole.EDITOR);
		Phone phone = enroll(editor);
		Visitor browser = pending(editor);
		String csrf = browser.get(CODE_PAGE).document().selectFirst("input[name=_csrf]").val();

		clock.advance(Duration.ofMinutes(11));
		Visitor.Page late = browser.post(CODE_PAGE, Map.of("_csrf", csrf, "code", phone.code(clock)));

		assertThat(late.status()).isEqualTo(410);
		assertThat(browser.get(CODE_PAGE).header("Location")).endsWith("/login");
		assertThat(browser.get("/admin").header("Location")).contains("/login");
	}

	@Test
	void badInputToTheCodePagesAnswers4xx() {
		SignedIn editor = staff(MemberRole.EDITOR);
		enroll(editor);
		Visitor browser = pending(editor);
		String csrf = browser.get(CODE_PAGE).document().selectFirst("input[name=_csrf]").val();

		for (String bad : List.of("\u0000", "12345\u0000", "x".repeat(100_000), "99999999999999999999999", "１２３４５６",
				"abcdef", "-123456", "")) {
			Visitor.Page page = browser.post(CODE_PAGE, Map.of("_csrf", csrf, "code", bad));
			assertThat(page.status()).as("code %s", bad.length() > 20 ? bad.length() + " characters" : bad).isEqualTo(422);
			assertThat(page.body()).contains("Type the 6 digits");
		}
		Visitor stranger = new Visitor(port);
		String strangerCsrf = stranger.get("/login").document().selectFirst("input[name=_csrf]").val();
		assertThat(stranger.post(CODE_PAGE, Map.of("_csrf", strangerCsrf, "code", "\u0000")).status()).isEqualTo(410);
		assertThat(stranger.get(CODE_PAGE + "?code=%00").status()).isEqualTo(302);

		SignedIn other = staff(MemberRole.CONTRIBUTOR);
		assertThat(other.visitor().submit(TwoFactorController.PATH, TwoFactorController.PATH, Map.of("code", "\u0000"))
			.status()).isEqualTo(422);
	}

	/** What a browser holding only the first step may reach: nothing a staff member or a member can. */
	private void assertHalfSignedIn(Visitor browser, long memberId, long sessionsBefore) {
		assertThat(browser.get("/admin").header("Location")).contains("/login");
		assertThat(browser.get("/admin/articles").header("Location")).contains("/login");
		assertThat(browser.get(TwoFactorController.PATH).header("Location")).contains("/login");
		assertThat(browser.get("/account").header("Location")).contains("/login");
		assertThat(browser.get("/account/sessions").header("Location")).contains("/login");
		assertThat(MemberFixtures.sessionsOf(jdbc, memberId)).as("no session carries the member yet").isEqualTo(sessionsBefore);
		assertThat(browser.get(CODE_PAGE).status()).isEqualTo(200);
	}

	private SignedIn staff(MemberRole role) {
		return StaffFixtures.signedIn(port, directory, role);
	}

	private Phone enroll(SignedIn staff) {
		Phone phone = TwoFactorFixtures.turnOn(staff.visitor(), clock);
		enrolled.add(staff.id());
		return phone;
	}

	/** A browser that has signed in with the member's password and is asked for the code. */
	private Visitor pending(SignedIn staff) {
		Visitor browser = new Visitor(port);
		assertThat(browser.signIn(staff.email(), MemberFixtures.PASSWORD).header("Location")).endsWith(CODE_PAGE);
		return browser;
	}

	private boolean confirmed(long memberId) {
		return jdbc.sql("select count(*) from members.two_factor where member_id = :id and confirmed_at is not null")
			.param("id", memberId)
			.query(Long.class)
			.single() == 1;
	}

	/** A 6-digit code that is none of the secret's codes now, a step before or a step after. */
	private String otherThan(byte[] secret) {
		return otherThan(secret, 0);
	}

	private String otherThan(byte[] secret, int seed) {
		long now = Totp.step(clock.instant());
		List<String> right = List.of(Totp.code(secret, now - 1), Totp.code(secret, now), Totp.code(secret, now + 1));
		for (int candidate = seed * 7919 % 1_000_000;; candidate = (candidate + 1) % 1_000_000) {
			String code = String.format("%06d", candidate);
			if (!right.contains(code)) {
				return code;
			}
		}
	}

	private static String encoded(String text) {
		return URLEncoder.encode(text.replace(":", ""), StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
