package org.backstory.members.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.backstory.Visitor;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.backstory.members.account.Totp;
import org.backstory.members.web.StaffFixtures.SignedIn;
import org.backstory.members.web.TwoFactorFixtures.Phone;
import org.backstory.publishing.PublicationService;
import org.backstory.publishing.SettableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * A staff member's two-factor page over HTTP: turning it on with a QR code (read back as
 * a scanner would) and a first code, the secret stored sealed and the recovery codes
 * hashed, new recovery codes, turning it off; readers never have it, and leaving the
 * staff deletes it. Codes come from the secret the page shows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SettableClock.Configuration.class)
class TwoFactorIntegrationTests extends TwoFactorIntegrationTestSupport {

	private static final String CODE_PAGE = SecondFactorController.PATH;

	@Autowired
	PublicationService publications;

	@Test
	void theSetupPageShowsAQrCodeOfTheOtpauthUriAndAFirstCodeTurnsItOn() throws Exception {
		SignedIn editor = team.signedIn(MemberRole.EDITOR);
		Visitor.Page setup = editor.visitor().get(TwoFactorController.PATH);
		byte[] secret = TwoFactorFixtures.secret(setup.document());

		assertThat(setup.status()).isEqualTo(200);
		assertThat(setup.header("Cache-Control")).contains("no-store");
		assertThat(TwoFactorFixtures.qrText(setup.document())).isEqualTo("otpauth://totp/"
				+ encoded(publications.publication().name()) + ":" + editor.email().replace("@", "%40") + "?secret="
				+ setup.document().selectFirst(".two-factor-secret").text().replace(" ", "") + "&issuer="
				+ encoded(publications.publication().name()) + "&algorithm=SHA1&digits=6&period=30");
		assertThat(secret).hasSize(20);

		Visitor.Page wrong = editor.visitor()
			.submit(TwoFactorController.PATH, TwoFactorController.PATH,
					Map.of("code", TwoFactorFixtures.otherThan(secret, clock, 0)));
		assertThat(wrong.status()).isEqualTo(422);
		assertThat(confirmed(editor.id())).isFalse();

		Phone phone = team.enroll(editor);
		assertThat(phone.secret()).isEqualTo(secret);
		assertThat(phone.recoveryCodes()).hasSize(10).doesNotHaveDuplicates();
		assertThat(confirmed(editor.id())).isTrue();
		assertThat(editor.visitor().get(TwoFactorController.PATH).body()).contains("10</strong> unused recovery codes");
	}

	@Test
	void theSecretIsStoredSealedAndTheRecoveryCodesHashed() {
		SignedIn editor = team.signedIn(MemberRole.EDITOR);
		Phone phone = team.enroll(editor);

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
	void newRecoveryCodesNeedAConfirmationAndEndTheOldOnes() {
		SignedIn editor = team.signedIn(MemberRole.EDITOR);
		Phone phone = team.enroll(editor);

		Visitor.Page wrong = editor.visitor()
			.submit(TwoFactorController.PATH, TwoFactorController.PATH + "/recovery-codes",
					Map.of("confirmation", "not my password"));
		assertThat(wrong.status()).isEqualTo(422);

		Visitor.Page fresh = editor.visitor()
			.submit(TwoFactorController.PATH, TwoFactorController.PATH + "/recovery-codes",
					Map.of("confirmation", MemberFixtures.PASSWORD));
		List<String> codes = fresh.document().select(".recovery-codes li").eachText();
		assertThat(codes).hasSize(10).doesNotContainAnyElementsOf(phone.recoveryCodes());

		assertThat(team.pending(editor)
			.submit(CODE_PAGE, CODE_PAGE, Map.of("code", phone.recoveryCodes().get(0)))
			.status()).as("an old code").isEqualTo(422);
		assertThat(team.pending(editor).submit(CODE_PAGE, CODE_PAGE, Map.of("code", codes.get(0))).status())
			.as("a new code")
			.isEqualTo(302);
	}

	@Test
	void turningItOffNeedsACurrentCodeOrThePassword() {
		SignedIn editor = team.signedIn(MemberRole.EDITOR);
		Phone phone = team.enroll(editor);
		String off = TwoFactorController.PATH + "/off";

		assertThat(editor.visitor()
			.submit(TwoFactorController.PATH, off, Map.of("confirmation", "wrong password"))
			.status()).isEqualTo(422);
		assertThat(editor.visitor()
			.submit(TwoFactorController.PATH, off,
					Map.of("confirmation", TwoFactorFixtures.otherThan(phone.secret(), clock, 0)))
			.status()).isEqualTo(422);
		assertThat(confirmed(editor.id())).isTrue();

		clock.advance(Totp.STEP);
		Visitor.Page done = editor.visitor()
			.submit(TwoFactorController.PATH, off, Map.of("confirmation", phone.code(clock)));

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
		SignedIn owner = team.signedIn(MemberRole.OWNER);
		SignedIn author = team.signedIn(MemberRole.AUTHOR);
		team.enroll(author);

		owner.visitor().submit("/admin/staff", "/admin/staff/" + author.id() + "/remove", Map.of());

		assertThat(jdbc.sql("select count(*) from members.two_factor where member_id = :id")
			.param("id", author.id())
			.query(Long.class)
			.single()).isZero();
		assertThat(new Visitor(port).signIn(author.email(), MemberFixtures.PASSWORD).header("Location"))
			.doesNotContain(CODE_PAGE);
	}

	private boolean confirmed(long memberId) {
		return jdbc.sql("select count(*) from members.two_factor where member_id = :id and confirmed_at is not null")
			.param("id", memberId)
			.query(Long.class)
			.single() == 1;
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
