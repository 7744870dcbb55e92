package org.backstory.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The stale-background rule: which events a background mentions, and which are newer than
 * the newest it mentions.
 */
class StaleBackgroundTests {

	private static final SuggestedEvent RAMMED = event(1, "2017-09-22", "rammed-trawler", "https://news.example/ram");

	private static final SuggestedEvent SUMMIT = event(2, "2018-03", null, "");

	private static final SuggestedEvent DEAL = event(3, "2019", null, "");

	private static final SuggestedEvent VOTE = event(4, "2020-06-01", "deal-vote", "");

	private static final List<SuggestedEvent> TIMELINE = List.of(RAMMED, SUMMIT, DEAL, VOTE);

	@ParameterizedTest(name = "[{index}] {0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			the cutter rammed it ([more](/p/rammed-trawler)).                 | true
			see https://example.org/p/rammed-trawler for more                 | true
			([more](/p/rammed-trawler-two))                                   | false
			([more](/p/rammed-trawler#top))                                   | true
			as reported (https://news.example/ram)                            | true
			On 22 September 2017, a cutter rammed a trawler.                  | true
			on 22 september 2017 it began                                     | true
			On September 22, 2017, it began                                   | true
			It began on 2017-09-22.                                           | true
			On 122 September 2017 nothing happened                            | false
			In September 2017 it began                                        | false
			In 2017 it began                                                  | false
			nothing about it                                                  | false
			""")
	void aDayEventIsMentionedByItsArticleASourceOrItsDay(String background, boolean mentioned) {
		assertThat(StaleBackground.mentions(background, RAMMED)).isEqualTo(mentioned);
	}

	@ParameterizedTest(name = "[{index}] {0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			In March 2018, the talks began.                      | true
			the talks (2018-03) began                            | true
			On 2018-03-14 the talks began                        | true
			In March 20189 nothing                               | false
			In 2018 the talks began                              | false
			""")
	void aMonthEventIsMentionedByItsMonth(String background, boolean mentioned) {
		assertThat(StaleBackground.mentions(background, SUMMIT)).isEqualTo(mentioned);
	}

	@ParameterizedTest(name = "[{index}] {0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			In 2019, a deal was signed.                          | true
			in 2019 they signed                                  | true
			By 2019 they had signed                              | false
			within 2019 they signed                              | false
			In 20190 nothing                                     | false
			""")
	void aYearEventIsMentionedOnlyAsInTheYear(String background, boolean mentioned) {
		assertThat(StaleBackground.mentions(background, DEAL)).isEqualTo(mentioned);
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@CsvSource(delimiter = '|', textBlock = """
			In March 2018, the talks began.                                    | 3,4
			In March 2018 and in 2019.                                         | 4
			On 22 September 2017, and later ([vote](/p/deal-vote)).            | ''
			On 22 September 2017, it began.                                    | 2,3,4
			Nothing from the timeline at all.                                  | ''
			''                                                                 | ''
			""")
	void theEventsAfterTheNewestMentionedOneAreStale(String background, String staleIds) {
		List<Long> expected = staleIds.isEmpty() ? List.of()
				: List.of(staleIds.split(",")).stream().map(Long::valueOf).toList();

		assertThat(StaleBackground.newerThanBackground(background, TIMELINE)).extracting(SuggestedEvent::id)
			.containsExactlyElementsOf(expected);
	}

	@Test
	void anEventOnTheSameDayAsTheNewestMentionedOneIsNotNewer() {
		SuggestedEvent sameDay = event(5, "2018-03", null, "");

		assertThat(StaleBackground.newerThanBackground("In March 2018, talks.", List.of(SUMMIT, sameDay))).isEmpty();
	}

	@Test
	void theBackgroundIsTheBeforeYouReadSectionUpToTheNextH2() {
		String body = """
				An opening paragraph names 2019.

				## Before you read:

				In March 2018, the talks began.

				```
				## not a heading inside code
				```

				### A sub-heading stays in

				## What's going on now

				In 2019 the deal fell.

				## before YOU read

				A second background.
				""";

		String background = StaleBackground.backgroundOf(HouseText.of(body));

		assertThat(background).contains("In March 2018", "## not a heading inside code", "### A sub-heading stays in",
				"A second background.");
		assertThat(background).doesNotContain("opening paragraph", "deal fell", "What's going on now");
		assertThat(StaleBackground.backgroundOf(HouseText.of("No sections at all."))).isEmpty();
	}

	@Test
	void theBackgroundOfAPieceInTheFormatIsItsBackgroundPart() {
		HouseText text = new HouseText("## Before you read\n\nIn the opening.", "In March 2018 the talks began.",
				"## Before you read\n\nIn the now part.");

		assertThat(StaleBackground.backgroundOf(text)).isEqualTo("In March 2018 the talks began.");
	}

	private static SuggestedEvent event(long id, String date, @Nullable String slug, String source) {
		List<SourceLink> sources = source.isEmpty() ? List.of() : List.of(new SourceLink(source, ""));
		return new SuggestedEvent(id, EventDate.parse(date).orElseThrow(), "Event " + id, false, slug, sources, "");
	}

}
