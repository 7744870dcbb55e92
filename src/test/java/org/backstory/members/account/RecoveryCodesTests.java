package org.backstory.members.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Recovery codes: ten distinct 16-character codes without look-alike characters, typed
 * forgivingly.
 */
class RecoveryCodesTests {

	@Test
	void tenDistinctCodesInGroupsOfFour() {
		List<String> codes = RecoveryCodes.generate();

		assertThat(codes).hasSize(10)
			.doesNotHaveDuplicates()
			.allMatch(code -> code.matches("[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){3}"));
	}

	@Test
	void typingIgnoresCaseSpacesAndDashes() {
		String code = RecoveryCodes.generate().get(0);
		String normalized = code.replace("-", "");

		assertThat(RecoveryCodes.normalize(code)).contains(normalized);
		assertThat(RecoveryCodes.normalize(" " + code.toLowerCase().replace("-", " ") + " ")).contains(normalized);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "ABCD-EFGH-JKMN", "ABCD-EFGH-JKMN-PQRST", "0BCD-EFGH-JKMN-PQRS", "1BCD-EFGH-JKMN-PQRS",
			"OBCD-EFGH-JKMN-PQRS", "ABCD-EFGH-JKMN-PQR\u0000", "ÄBCD-EFGH-JKMN-PQRS", "123456" })
	void anythingElseIsNotARecoveryCode(String typed) {
		assertThat(RecoveryCodes.normalize(typed)).isEmpty();
	}

	@Test
	void anOverlongInputIsRefusedBeforeBeingLookedAt() {
		assertThat(RecoveryCodes.normalize("-".repeat(10_000) + "ABCDEFGHJKMNPQRS")).isEmpty();
	}

	@Test
	void theStoredHashDependsOnTheMember() {
		assertThat(RecoveryCodes.hash(1, "ABCDEFGHJKMNPQRS")).isNotEqualTo(RecoveryCodes.hash(2, "ABCDEFGHJKMNPQRS"))
			.hasSize(32);
	}

}
