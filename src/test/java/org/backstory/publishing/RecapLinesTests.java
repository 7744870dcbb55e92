package org.backstory.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The sentences "Insert a linked recap line" writes. */
class RecapLinesTests {

	@ParameterizedTest(name = "[{index}] {0} {1}")
	@CsvSource(delimiter = '|',
			textBlock = """
					2017-09-22 | The two coast guards agreed a hotline. | /p/hotline | On 22 September 2017, the two coast guards agreed a hotline ([more](/p/hotline)).
					2019-03    | Kestrian negotiators meet in Port Anselm | /p/summits | In March 2019, Kestrian negotiators meet in Port Anselm ([more](/p/summits)).
					2019       | A gas field is found.                    | ''         | In 2019, a gas field is found.
					2020-01-05 | An *odd* [summary]                       | ''         | On 5 January 2020, an \\*odd\\* \\[summary\\].
					2020-01-05 | Anselm speaks                            | ''         | On 5 January 2020, Anselm speaks.
					""")
	void anEventReadsAsItsDateThenItsSummaryThenItsLink(String date, String summary, String href, String line) {
		assertThat(RecapLines.event(EventDate.parse(date).orElseThrow(), summary, href.isEmpty() ? null : href, "more"))
			.isEqualTo(line);
	}

	@Test
	void anArticleReadsAsItsMonthAndTitle() {
		assertThat(RecapLines.article(LocalDate.of(2025, 3, 14), "The talks resume", "/p/talks"))
			.isEqualTo("In March 2025: The talks resume ([read](/p/talks)).");
	}

	@Test
	void anEventWithoutAPublishedArticleLinksItsFirstSourceAndAnAddressWithParenthesesIsBracketed() {
		StorylineEvent event = new StorylineEvent(1, 1, EventDate.parse("2018").orElseThrow(), "Talks stall.", "", "",
				List.of(new SourceLink("https://example.org/a_(b)", ""), new SourceLink("https://example.org/c", "")),
				null, true);

		assertThat(SuggestedEvent.of(event, null).recapLine())
			.isEqualTo("In 2018, Talks stall ([source](<https://example.org/a_(b)>)).");
		assertThat(SuggestedEvent.of(event, "talks").recapLine()).isEqualTo("In 2018, Talks stall ([more](/p/talks)).");
	}

}
