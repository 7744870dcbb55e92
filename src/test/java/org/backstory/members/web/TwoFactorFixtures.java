package org.backstory.members.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.Decoder;
import org.backstory.Visitor;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.backstory.members.account.Totp;
import org.backstory.members.web.StaffFixtures.SignedIn;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a staff member's phone does in two-factor tests: reads the setup page's QR code or
 * typed key, and computes codes from it (with {@link Totp}, itself checked against the
 * RFC 6238 test vectors).
 */
final class TwoFactorFixtures {

	private static final Pattern MODULE = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z");

	private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");

	private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

	private TwoFactorFixtures() {
	}

	/**
	 * A staff member's authenticator: the secret and the recovery codes they were shown.
	 */
	record Phone(byte[] secret, List<String> recoveryCodes) {

		/** The code the app shows at {@code clock}'s time. */
		String code(Clock clock) {
			return Totp.code(secret, Totp.step(clock.instant()));
		}

	}

	/**
	 * Staff for two-factor tests: signs them in, turns their two-factor on, starts their
	 * sign-ins, and deletes their second factors again afterwards ({@link #putBack}),
	 * since the test database is shared.
	 */
	static final class Team {

		private final int port;

		private final MemberDirectory directory;

		private final JdbcClient jdbc;

		private final Clock clock;

		private final List<Long> enrolled = new ArrayList<>();

		Team(int port, MemberDirectory directory, JdbcClient jdbc, Clock clock) {
			this.port = port;
			this.directory = directory;
			this.jdbc = jdbc;
			this.clock = clock;
		}

		SignedIn signedIn(MemberRole role) {
			return StaffFixtures.signedIn(port, directory, role);
		}

		/** Turns two-factor on for the signed-in staff member. */
		Phone enroll(SignedIn staff) {
			return enroll(staff.visitor(), staff.id());
		}

		Phone enroll(Visitor visitor, long memberId) {
			Phone phone = turnOn(visitor, clock);
			enrolled.add(memberId);
			return phone;
		}

		/**
		 * A new browser that has signed in with the member's password and is asked for
		 * the code.
		 */
		Visitor pending(SignedIn staff) {
			Visitor browser = new Visitor(port);
			assertThat(browser.signIn(staff.email(), MemberFixtures.PASSWORD).header("Location"))
				.endsWith(SecondFactorController.PATH);
			return browser;
		}

		/**
		 * The first staff member enrolled, who is an owner in tests of the owner's
		 * requirement.
		 */
		long first() {
			return enrolled.get(0);
		}

		void putBack() {
			enrolled.forEach(
					id -> jdbc.sql("delete from members.two_factor where member_id = :id").param("id", id).update());
		}

	}

	/**
	 * A 6-digit code that is none of the secret's codes now, a step before or a step
	 * after; {@code seed} varies it.
	 */
	static String otherThan(byte[] secret, Clock clock, int seed) {
		long now = Totp.step(clock.instant());
		List<String> right = List.of(Totp.code(secret, now - 1), Totp.code(secret, now), Totp.code(secret, now + 1));
		for (int candidate = seed * 7919 % 1_000_000;; candidate = (candidate + 1) % 1_000_000) {
			String code = String.format("%06d", candidate);
			if (!right.contains(code)) {
				return code;
			}
		}
	}

	/**
	 * Turns two-factor on for the signed-in visitor with the page's typed key and a first
	 * code.
	 */
	static Phone turnOn(Visitor visitor, Clock clock) {
		byte[] secret = secret(visitor.get(TwoFactorController.PATH).document());
		Visitor.Page codes = visitor.submit(TwoFactorController.PATH, TwoFactorController.PATH,
				Map.of("code", Totp.code(secret, Totp.step(clock.instant()))));
		assertThat(codes.status()).as("turning two-factor on").isEqualTo(200);
		return new Phone(secret, codes.document().select(".recovery-codes li").eachText());
	}

	/** The secret as the setup page shows it for typing (Base32 in groups of four). */
	static byte[] secret(Document setupPage) {
		Element shown = setupPage.selectFirst(".two-factor-secret");
		assertThat(shown).as("the typed key on the setup page").isNotNull();
		String text = shown.text().replace(" ", "");
		byte[] bytes = new byte[text.length() * 5 / 8];
		int buffer = 0;
		int bits = 0;
		int at = 0;
		for (char c : text.toCharArray()) {
			buffer = buffer << 5 | BASE32.indexOf(c);
			bits += 5;
			if (bits >= 8) {
				bytes[at++] = (byte) (buffer >>> (bits - 8));
				bits -= 8;
			}
		}
		return bytes;
	}

	/**
	 * The text of the QR code on the setup page, read back from its SVG as a scanner
	 * would.
	 */
	static String qrText(Document setupPage) throws Exception {
		Element image = setupPage.selectFirst("img.two-factor-qr");
		assertThat(image).as("the QR code on the setup page").isNotNull();
		String source = image.attr("src");
		assertThat(source).startsWith("data:image/svg+xml;base64,");
		return qrText(new String(Base64.getDecoder().decode(source.substring(source.indexOf(',') + 1)),
				StandardCharsets.UTF_8));
	}

	/**
	 * Decodes an SVG drawn by {@link QrCode}: its modules, less the four-module quiet
	 * zone.
	 */
	static String qrText(String svg) throws Exception {
		Matcher box = VIEW_BOX.matcher(svg);
		assertThat(box.find()).isTrue();
		int size = Integer.parseInt(box.group(1)) - 8;
		BitMatrix modules = new BitMatrix(size, size);
		Matcher module = MODULE.matcher(svg);
		while (module.find()) {
			modules.set(Integer.parseInt(module.group(1)) - 4, Integer.parseInt(module.group(2)) - 4);
		}
		return new Decoder().decode(modules).getText();
	}

}
