package org.backstory.members.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The TOTP computation against the published test vectors. */
class TotpTests {

	/**
	 * The SHA-1 seed of RFC 6238 Appendix B (and RFC 4226 Appendix D): the ASCII digits 1
	 * to 0, twice.
	 */
	private static final byte[] SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	@ParameterizedTest
	@CsvSource({ "59, 1, 94287082", "1111111109, 37037036, 07081804", "1111111111, 37037037, 14050471",
			"1234567890, 41152263, 89005924", "2000000000, 66666666, 69279037", "20000000000, 666666666, 65353130" })
	void theSha1VectorsOfRfc6238AppendixB(long unixTime, long step, String code) {
		assertThat(Totp.step(Instant.ofEpochSecond(unixTime))).isEqualTo(step);
		assertThat(Totp.code(SEED, step, 8)).isEqualTo(code);
	}

	/**
	 * RFC 4226 Appendix D: the same truncation to the 6 digits that apps show, counters 0
	 * to 9.
	 */
	@ParameterizedTest
	@CsvSource({ "0, 755224", "1, 287082", "2, 359152", "3, 969429", "4, 338314", "5, 254676", "6, 287922", "7, 162583",
			"8, 399871", "9, 520489" })
	void sixDigitCodesOfRfc4226AppendixD(long counter, String code) {
		assertThat(Totp.code(SEED, counter)).isEqualTo(code);
	}

	@ParameterizedTest
	@CsvSource({ "0, 0", "29, 0", "30, 1", "-1, -1" })
	void aStepIsThirtySecondsFromTheEpoch(long unixTime, long step) {
		assertThat(Totp.step(Instant.ofEpochSecond(unixTime))).isEqualTo(step);
	}

}
