package org.backstory.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When a start seeds the demo, and the passwords a public demo gets. */
class DemoSeederTests {

	@ParameterizedTest(name = "BACKSTORY_DEMO={0}, embedded={1}, local={2}: seeds={3}")
	@CsvSource(nullValues = "unset",
			value = { "unset, true, true, true", "unset, true, false, false", "unset, false, true, false",
					"unset, false, false, false", "true, true, true, true", "true, true, false, true",
					"true, false, false, true", "false, true, true, false", "false, false, false, false" })
	void seedsWhenAskedOrIntoTheEmbeddedDatabaseOfALocalSite(Boolean demo, boolean embedded, boolean local,
			boolean seeds) {
		assertThat(DemoSeeder.wanted(demo, embedded, local)).isEqualTo(seeds);
	}

	@Test
	void randomPasswordsAreLongAndDistinct() {
		String first = DemoSeeder.randomPassword();
		String second = DemoSeeder.randomPassword();

		assertThat(first).hasSize(20).isNotEqualTo(second).isNotEqualTo(DemoSeeder.PASSWORD);
	}

}
