package org.backstory.members.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Base32 as authenticator apps read it: the test vectors of RFC 4648 section 10, without
 * padding.
 */
class Base32Tests {

	@ParameterizedTest
	@CsvSource({ "'', ''", "f, MY", "fo, MZXQ", "foo, MZXW6", "foob, MZXW6YQ", "fooba, MZXW6YTB",
			"foobar, MZXW6YTBOI" })
	void encodesTheRfc4648Vectors(String text, String base32) {
		assertThat(Base32.encode(text.getBytes(StandardCharsets.US_ASCII))).isEqualTo(base32);
	}

	@ParameterizedTest
	@CsvSource({ "12345678901234567890, GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ" })
	void aTwentyByteSecretIsThirtyTwoCharacters(String text, String base32) {
		assertThat(Base32.encode(text.getBytes(StandardCharsets.US_ASCII))).isEqualTo(base32).hasSize(32);
	}

}
