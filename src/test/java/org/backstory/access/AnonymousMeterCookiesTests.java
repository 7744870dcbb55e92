package org.backstory.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.ResponseCookie;

/** The anonymous meter's signed cookie. */
class AnonymousMeterCookiesTests {

	private static final YearMonth DECEMBER = YearMonth.of(2026, 12);

	private static final Instant NOW = Instant.parse("2026-12-07T15:00:00Z");

	private final AnonymousMeterCookies cookies = new AnonymousMeterCookies(key((byte) 1), true);

	@Test
	void readsBackTheArticlesItWroteForTheMonth() {
		ResponseCookie cookie = cookies.write(Set.of(45L, 12L, 7L), DECEMBER, NOW);

		assertThat(cookie.getValue()).startsWith("2026-12.7_12_45.");
		assertThat(cookies.read(cookie.getValue(), DECEMBER)).containsExactlyInAnyOrder(7L, 12L, 45L);
	}

	@Test
	void isHttpOnlySameSiteLaxSecureOnHttpsAndKeptUntilTheMonthEnds() {
		ResponseCookie cookie = cookies.write(Set.of(1L), DECEMBER, NOW);

		assertThat(cookie.getName()).isEqualTo("backstory_meter");
		assertThat(cookie.isHttpOnly()).isTrue();
		assertThat(cookie.isSecure()).isTrue();
		assertThat(cookie.getSameSite()).isEqualTo("Lax");
		assertThat(cookie.getPath()).isEqualTo("/");
		assertThat(cookie.getMaxAge()).isEqualTo(Duration.between(NOW, Instant.parse("2027-01-01T00:00:00Z")));
	}

	@Test
	void lastMonthsCookieReadsAsAFreshMeter() {
		String november = cookies.write(Set.of(1L, 2L, 3L), YearMonth.of(2026, 11), NOW).getValue();

		assertThat(cookies.read(november, DECEMBER)).isEmpty();
	}

	@Test
	void aCookieSignedWithAnotherKeyReadsAsAFreshMeter() {
		String foreign = new AnonymousMeterCookies(key((byte) 2), true).write(Set.of(1L), DECEMBER, NOW).getValue();

		assertThat(cookies.read(foreign, DECEMBER)).isEmpty();
	}

	@Test
	void aCookieWhoseArticlesWereChangedReadsAsAFreshMeter() {
		String value = cookies.write(Set.of(1L, 2L, 3L), DECEMBER, NOW).getValue();
		String fewer = value.replace(".1_2_3.", ".1.");
		String monthMoved = value.replace("2026-12.", "2026-11.");

		assertThat(cookies.read(fewer, DECEMBER)).isEmpty();
		assertThat(cookies.read(monthMoved, YearMonth.of(2026, 11))).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "garbage", "2026-12..", "2026-12.1.", "2026-12.1.!!!!",
			"2026-12.99999999999999999999.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
			"2026-12.1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" })
	void aMalformedCookieReadsAsAFreshMeter(String value) {
		assertThat(cookies.read(value, DECEMBER)).isEmpty();
	}

	private static byte[] key(byte fill) {
		byte[] key = new byte[32];
		Arrays.fill(key, fill);
		return key;
	}

}
