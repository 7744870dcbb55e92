package org.backstory;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

import org.backstory.shared.web.RequestIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which id a request gets: a proxy's own only from a trusted proxy and only when it is a
 * plain token; otherwise a new one.
 */
class RequestIdValveTests {

	private final RequestIdValve valve = new RequestIdValve(
			TrustedProxies.parse("127.0.0.1, 10.0.0.0/8, fd00::/8").peers());

	@Test
	void aTrustedProxysValidIdIsKept() {
		assertThat(valve.chooseId("req-7f3a.b_2:9", "10.1.2.3")).isEqualTo("req-7f3a.b_2:9");
		assertThat(valve.chooseId("0b4c2a1e-8f33-4c8e-9d0a-5e2f1c7b9a10", "127.0.0.1"))
			.isEqualTo("0b4c2a1e-8f33-4c8e-9d0a-5e2f1c7b9a10");
		assertThat(valve.chooseId("abc", "fd12:3456::1")).isEqualTo("abc");
	}

	@Test
	void anIdFromAnyoneElseIsReplaced() {
		assertThat(valve.chooseId("chosen-by-the-client", "203.0.113.9")).matches("[0-9a-f]{16}");
		assertThat(valve.chooseId("chosen-by-the-client", "2001:db8::1")).matches("[0-9a-f]{16}");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "two words", "<script>", "line\nbreak", "ünïcode", "a/b", "quote\"d" })
	void anIdThatIsNotAPlainTokenIsReplacedEvenFromATrustedProxy(String offered) {
		assertThat(RequestIds.valid(offered)).isFalse();
		assertThat(valve.chooseId(offered, "127.0.0.1")).matches("[0-9a-f]{16}");
	}

	@Test
	void anIdLongerThan64CharactersIsReplaced() {
		assertThat(valve.chooseId("a".repeat(64), "127.0.0.1")).isEqualTo("a".repeat(64));
		assertThat(valve.chooseId("a".repeat(65), "127.0.0.1")).matches("[0-9a-f]{16}");
	}

	@Test
	void withoutAnIdOrWithoutTrustedProxiesTheAppMakesOne() {
		assertThat(valve.chooseId(null, "127.0.0.1")).matches("[0-9a-f]{16}");
		Predicate<String> none = TrustedProxies.parse("").peers();
		assertThat(new RequestIdValve(none).chooseId("abc", "127.0.0.1")).matches("[0-9a-f]{16}");
	}

	@Test
	void madeIdsDiffer() {
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			ids.add(RequestIds.generate());
		}
		assertThat(ids).hasSize(1000).allMatch(id -> id.matches("[0-9a-f]{16}"));
	}

}
