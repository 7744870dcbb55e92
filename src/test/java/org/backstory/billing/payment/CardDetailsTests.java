package org.backstory.billing.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.backstory.billing.SandboxCards;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CardDetailsTests {

	private final Clock midNovember2026 = Clock.fixed(Instant.parse("2026-11-15T12:00:00Z"), ZoneOffset.UTC);

	@ParameterizedTest
	@ValueSource(strings = { SandboxCards.SUCCEEDS, SandboxCards.DECLINED, SandboxCards.FIRST_CHARGE_ONLY,
			"5555555555554444", "378282246310005" })
	void realCardNumbersPassTheLuhnCheck(String number) {
		assertThat(CardDetails.isPlausibleNumber(number)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "4242424242424241", "1234567890123456", "42424242", "42424242424242424242", "4242 4242",
			"", "abcdabcdabcdabcd" })
	void mistypedOrMalformedNumbersFail(String number) {
		assertThat(CardDetails.isPlausibleNumber(number)).isFalse();
	}

	@Test
	void aCardIsGoodThroughTheEndOfItsExpiryMonth() {
		assertThat(new CardDetails(SandboxCards.SUCCEEDS, 11, 2026, "123", "A").expiredAt(midNovember2026)).isFalse();
		assertThat(new CardDetails(SandboxCards.SUCCEEDS, 10, 2026, "123", "A").expiredAt(midNovember2026)).isTrue();
	}

	@Test
	void cvcIsThreeOrFourDigits() {
		assertThat(new CardDetails(SandboxCards.SUCCEEDS, 1, 2030, "123", "A").cvcLooksValid()).isTrue();
		assertThat(new CardDetails(SandboxCards.SUCCEEDS, 1, 2030, "1234", "A").cvcLooksValid()).isTrue();
		assertThat(new CardDetails(SandboxCards.SUCCEEDS, 1, 2030, "12", "A").cvcLooksValid()).isFalse();
		assertThat(new CardDetails(SandboxCards.SUCCEEDS, 1, 2030, "12a", "A").cvcLooksValid()).isFalse();
	}

	@Test
	void printingACardNeverShowsItsNumberOrCvc() {
		String printed = new CardDetails(SandboxCards.SUCCEEDS, 4, 2031, "987", "Ada").toString();

		assertThat(printed).doesNotContain(SandboxCards.SUCCEEDS).doesNotContain("987").contains("4242");
	}

}
