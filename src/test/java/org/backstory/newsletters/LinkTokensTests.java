package org.backstory.newsletters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;

import org.backstory.newsletters.LinkTokens.Purpose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinkTokensTests {

	private static final byte[] KEY = key(7);

	private final LinkTokens tokens = new LinkTokens(KEY);

	@Test
	void anUnsubscribeTokenReadsBackAsItsIds() {
		String token = tokens.sign(Purpose.UNSUBSCRIBE, 42, 3, 17);

		assertThat(tokens.read(Purpose.UNSUBSCRIBE, token))
			.hasValueSatisfying(ids -> assertThat(ids).containsExactly(42, 3, 17));
	}

	@Test
	void aPreferencesTokenReadsBackAsItsMember() {
		String token = tokens.sign(Purpose.PREFERENCES, Long.MAX_VALUE);

		assertThat(tokens.read(Purpose.PREFERENCES, token))
			.hasValueSatisfying(ids -> assertThat(ids).containsExactly(Long.MAX_VALUE));
	}

	@Test
	void tokensAreIdsThenA128BitMacInCharactersThatNeedNoEscaping() {
		String token = tokens.sign(Purpose.UNSUBSCRIBE, 42, 3, 0);

		assertThat(token).matches("42\\.3\\.0\\.[A-Za-z0-9_-]{22}");
		assertThat(token).doesNotContain("=", "+", "/", "%");
	}

	@Test
	void theSameIdsAlwaysMakeTheSameToken() {
		assertThat(new LinkTokens(KEY).sign(Purpose.PREFERENCES, 9)).isEqualTo(tokens.sign(Purpose.PREFERENCES, 9));
	}

	@Test
	void aTokenForOnePurposeIsNotReadForTheOther() {
		String preferences = tokens.sign(Purpose.PREFERENCES, 42);
		String unsubscribe = tokens.sign(Purpose.UNSUBSCRIBE, 42, 3, 17);
		String preferencesMac = preferences.substring(preferences.indexOf('.') + 1);

		assertThat(tokens.read(Purpose.UNSUBSCRIBE, preferences)).isEmpty();
		assertThat(tokens.read(Purpose.PREFERENCES, unsubscribe)).isEmpty();
		// The right shape with the other purpose's MAC does not pass either.
		assertThat(tokens.read(Purpose.UNSUBSCRIBE, "42.3.17." + preferencesMac)).isEmpty();
	}

	@Test
	void changingAnIdBreaksTheToken() {
		String token = tokens.sign(Purpose.UNSUBSCRIBE, 42, 3, 17);
		String mac = token.substring(token.lastIndexOf('.'));

		assertThat(tokens.read(Purpose.UNSUBSCRIBE, "43.3.17" + mac)).isEmpty();
		assertThat(tokens.read(Purpose.UNSUBSCRIBE, "42.4.17" + mac)).isEmpty();
		assertThat(tokens.read(Purpose.UNSUBSCRIBE, "42.3.18" + mac)).isEmpty();
	}

	@Test
	void changingAnyCharacterOfTheMacBreaksTheToken() {
		String token = tokens.sign(Purpose.UNSUBSCRIBE, 42, 3, 17);
		int macStart = token.lastIndexOf('.') + 1;
		for (int i = macStart; i < token.length(); i++) {
			char replacement = token.charAt(i) == 'A' ? 'B' : 'A';
			String tampered = token.substring(0, i) + replacement + token.substring(i + 1);

			assertThat(tokens.read(Purpose.UNSUBSCRIBE, tampered)).as(tampered).isEmpty();
		}
	}

	@Test
	void aTokenSignedWithAnotherKeyIsNotRead() {
		String foreign = new LinkTokens(key(8)).sign(Purpose.UNSUBSCRIBE, 42, 3, 17);

		assertThat(tokens.read(Purpose.UNSUBSCRIBE, foreign)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", ".", "...", "42.3.17", "42.3.17.", "42.3.17.short", "42.3.17.x.AAAAAAAAAAAAAAAAAAAAAA",
			"+42.3.17.AAAAAAAAAAAAAAAAAAAAAA", "042.3.17.AAAAAAAAAAAAAAAAAAAAAA", "-1.3.17.AAAAAAAAAAAAAAAAAAAAAA",
			"99999999999999999999.3.17.AAAAAAAAAAAAAAAAAAAAAA", "42.3.17.AAAAAAAAAAAAAAAAAAAAAA==",
			"42.3.17.AAAAAAAAAAAAAAAAAAAA+/", "42 .3.17.AAAAAAAAAAAAAAAAAAAAAA",
			"<script>.3.17.AAAAAAAAAAAAAAAAAAAAAA" })
	void malformedTokensAreNotRead(String token) {
		assertThat(tokens.read(Purpose.UNSUBSCRIBE, token)).isEmpty();
	}

	@Test
	void aVeryLongTokenIsNotRead() {
		assertThat(tokens.read(Purpose.UNSUBSCRIBE, "1".repeat(10_000))).isEmpty();
	}

	@Test
	void aPaddedOrCaseChangedCopyOfAValidTokenIsNotRead() {
		String token = tokens.sign(Purpose.PREFERENCES, 42);

		assertThat(tokens.read(Purpose.PREFERENCES, token + "=")).isEmpty();
		assertThat(tokens.read(Purpose.PREFERENCES, token.toUpperCase())).isEmpty();
		assertThat(tokens.read(Purpose.PREFERENCES, "0" + token)).isEmpty();
	}

	@Test
	void signingRefusesTheWrongNumberOfIdsOrNegativeOnes() {
		assertThatIllegalArgumentException().isThrownBy(() -> tokens.sign(Purpose.UNSUBSCRIBE, 1, 2));
		assertThatIllegalArgumentException().isThrownBy(() -> tokens.sign(Purpose.PREFERENCES, -1));
	}

	@Test
	void aShortKeyIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new LinkTokens(new byte[16]));
	}

	private static byte[] key(int fill) {
		byte[] key = new byte[32];
		Arrays.fill(key, (byte) fill);
		return key;
	}

}
