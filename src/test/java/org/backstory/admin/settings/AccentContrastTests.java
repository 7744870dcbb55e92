package org.backstory.admin.settings;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** WCAG 2 contrast of accent colours, and the darker shade offered for one that fails. */
class AccentContrastTests {

	@ParameterizedTest
	@CsvSource({ "#b4233c, 5.75", "#225588, 6.85", "#f5a623, 1.80", "#1a73e8, 4.00", "#ffffff, 1.00",
			"#000000, 18.65" })
	void theRatioIsTheLowerOfWhiteTextAndThePanel(String colour, double ratio) {
		assertThat(AccentContrast.ratio(colour)).isCloseTo(ratio, within(0.01));
	}

	@ParameterizedTest
	@CsvSource({ "#f5a623, #936315", "#1a73e8, #1769d5", "#ffffff, #6b6b6b" })
	void aFailingColourIsOfferedTheNearestDarkerShadeThatPasses(String colour, String shade) {
		assertThat(AccentContrast.darkerThatPasses(colour)).isEqualTo(shade);
		assertThat(AccentContrast.ratio(shade)).isGreaterThanOrEqualTo(AccentContrast.NEEDED);
	}

}
