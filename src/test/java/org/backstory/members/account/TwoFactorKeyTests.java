package org.backstory.members.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;

import org.backstory.shared.StartRefusedFailureAnalyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two-factor secrets sealed with AES-GCM under a key kept outside the database. */
class TwoFactorKeyTests {

	private static final byte[] SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	@TempDir
	Path dataDir;

	@Test
	void aSealedSecretOpensForItsMemberWithItsKey() {
		TwoFactorKey key = key(1);

		byte[] sealed = key.seal(42, SECRET);

		assertThat(key.open(42, sealed)).isEqualTo(SECRET);
		assertThat(sealed).hasSize(1 + 12 + SECRET.length + 16);
		assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("1234567890");
		assertThat(key.seal(42, SECRET)).as("a new nonce each time").isNotEqualTo(sealed);
	}

	@Test
	void itDoesNotOpenForAnotherMemberWithAnotherKeyOrAltered() {
		TwoFactorKey key = key(1);
		byte[] sealed = key.seal(42, SECRET);
		byte[] altered = sealed.clone();
		altered[20] ^= 1;

		assertThatThrownBy(() -> key.open(43, sealed)).isInstanceOf(WrongTwoFactorKeyException.class);
		assertThatThrownBy(() -> key(2).open(42, sealed)).isInstanceOf(WrongTwoFactorKeyException.class);
		assertThatThrownBy(() -> key.open(42, altered)).isInstanceOf(WrongTwoFactorKeyException.class);
		assertThatThrownBy(() -> key.open(42, new byte[3])).isInstanceOf(WrongTwoFactorKeyException.class);
	}

	@Test
	void theFingerprintTellsKeysApartWithoutRevealingThem() {
		assertThat(key(1).fingerprint()).isEqualTo(key(1).fingerprint()).isNotEqualTo(key(2).fingerprint()).hasSize(16);
	}

	@Test
	void aKeyFileIsMadeOnTheFirstStartReadableByTheAppOnlyAndKept() throws Exception {
		Path file = dataDir.resolve("two-factor.key");

		TwoFactorKey first = TwoFactorKeyConfiguration.fromFile(file);
		TwoFactorKey again = TwoFactorKeyConfiguration.fromFile(file);

		assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
		assertThat(again.fingerprint()).isEqualTo(first.fingerprint());
		assertThat(Base64.getUrlDecoder().decode(Files.readString(file).strip())).hasSize(32);
	}

	@Test
	void theVariableTakesStandardOrUrlSafeBase64() {
		byte[] bytes = new byte[32];
		Arrays.fill(bytes, (byte) 0xfb);

		TwoFactorKey standard = TwoFactorKeyConfiguration.decode(Base64.getEncoder().encodeToString(bytes), "test");
		TwoFactorKey urlSafe = TwoFactorKeyConfiguration
			.decode(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), "test");

		assertThat(standard.fingerprint()).isEqualTo(urlSafe.fingerprint());
	}

	@Test
	void aMalformedVariableStopsTheStartWithOneSentence() {
		assertThatThrownBy(() -> TwoFactorKeyConfiguration.decode("not base64!", "BACKSTORY_TWO_FACTOR_KEY"))
			.isInstanceOf(InvalidTwoFactorKeyException.class)
			.hasMessage("The two-factor key in BACKSTORY_TWO_FACTOR_KEY is not Base64.");
		assertThatThrownBy(() -> TwoFactorKeyConfiguration.decode(Base64.getEncoder().encodeToString(new byte[16]),
				"BACKSTORY_TWO_FACTOR_KEY"))
			.isInstanceOf(InvalidTwoFactorKeyException.class)
			.hasMessage("The two-factor key in BACKSTORY_TWO_FACTOR_KEY has 16 bytes; it needs 32 (make one with: "
					+ "openssl rand -base64 32).");
	}

	@Test
	void aStartRefusedForTheKeySaysWhatToDoWithoutAStackTrace() {
		var analysis = new StartRefusedFailureAnalyzer().analyze(new IllegalStateException("context failed",
				new InvalidTwoFactorKeyException("The two-factor key in test is not Base64.", null)));

		assertThat(analysis.getDescription()).isEqualTo("The two-factor key in test is not Base64.");
		assertThat(analysis.getAction()).contains("BACKSTORY_TWO_FACTOR_KEY")
			.contains("delete from members.two_factor");
	}

	private static TwoFactorKey key(int fill) {
		byte[] bytes = new byte[32];
		Arrays.fill(bytes, (byte) fill);
		return new TwoFactorKey(bytes);
	}

}
