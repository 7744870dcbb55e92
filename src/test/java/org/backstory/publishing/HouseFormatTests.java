package org.backstory.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link HouseFormat}: the one splitter every road in uses, and its inverse. */
class HouseFormatTests {

	private static final HouseLabels OWN = new HouseLabels("Some shit you should know before you read", "Now");

	@Test
	void aBodyWithBothHeadingsSplitsIntoOpeningBackgroundAndNowPart() {
		HouseText text = HouseFormat.split("""
				Lede one.

				Lede two.

				## Before you read

				Background.

				### A sub-heading stays in the background

				More background.

				## What's going on now

				Now one.

				## Analysis

				The now part runs to the end, later H2s included.
				""", HouseLabels.DEFAULTS);

		assertThat(text.formatted()).isTrue();
		assertThat(text.body()).isEqualTo("Lede one.\n\nLede two.");
		assertThat(text.background())
			.isEqualTo("Background.\n\n### A sub-heading stays in the background\n\nMore background.");
		assertThat(text.now())
			.isEqualTo("Now one.\n\n## Analysis\n\nThe now part runs to the end, later H2s included.");
	}

	@Test
	void theOpeningMayBeEmptyAndSetextHeadingsCount() {
		HouseText text = HouseFormat.split(
				"Before you read\n---\n\nBackground.\n\nWhat’s going on now:\n---------\n\nNow.", HouseLabels.DEFAULTS);

		assertThat(text).isEqualTo(new HouseText("", "Background.", "Now."));
	}

	@ParameterizedTest
	@ValueSource(strings = {
			// only one of the headings
			"Lede.\n\n## Before you read\n\nBackground.", "Lede.\n\n## What's going on now\n\nNow.",
			// the wrong order
			"## What's going on now\n\nNow.\n\n## Before you read\n\nBackground.",
			// another H2 between them: the background would swallow a section of its own
			"## Before you read\n\nBackground.\n\n## Context\n\nMore.\n\n## What's going on now\n\nNow.",
			// a heading twice
			"## Before you read\n\nA.\n\n## What's going on now\n\nB.\n\n## Before you read\n\nC.",
			// not top-level H2s
			"# Before you read\n\nA.\n\n### What's going on now\n\nB.",
			"> ## Before you read\n>\n> A.\n\n## What's going on now\n\nB.",
			"```\n## Before you read\n```\n\n## What's going on now\n\nB." })
	void aBodyThatDoesNotFitThePatternStaysWholeAndUntouched(String markdown) {
		HouseText text = HouseFormat.split(markdown, HouseLabels.DEFAULTS);

		assertThat(text).isEqualTo(HouseText.of(markdown));
		assertThat(text.formatted()).isFalse();
	}

	@Test
	void thePublicationsOwnLabelsAreRecognisedBesideTheDefaults() {
		String markdown = "## Some shit you should know before you read:\n\nBackground.\n\n## now\n\nNow.";

		assertThat(HouseFormat.split(markdown, OWN)).isEqualTo(new HouseText("", "Background.", "Now."));
		assertThat(HouseFormat.split(markdown, HouseLabels.DEFAULTS).formatted()).isFalse();
	}

	@Test
	void anIndentedFirstLineKeepsItsIndentation() {
		HouseText text = HouseFormat.split("## Before you read\n\n    code block\n\n## What's going on now\n\nNow.",
				HouseLabels.DEFAULTS);

		assertThat(text.background()).isEqualTo("    code block");
	}

	@Test
	void joinedWritesThePartsBackWithTheLabelsAsHeadingsAndSplitTakesThemApartAgain() {
		HouseText text = new HouseText("Lede.", "Background.\n\n<!-- a comment -->", "Now.\n\n## Later\n\nMore.");

		String joined = HouseFormat.joined(text, OWN);

		assertThat(joined).isEqualTo("Lede.\n\n## Some shit you should know before you read\n\nBackground.\n\n"
				+ "<!-- a comment -->\n\n## Now\n\nNow.\n\n## Later\n\nMore.");
		assertThat(HouseFormat.split(joined, OWN)).isEqualTo(text);
		assertThat(HouseFormat.joined(HouseText.of("Only a body."), OWN)).isEqualTo("Only a body.");
	}

}
