package org.backstory.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * Event dates as editors write and readers read them, the event form's rules, and how the
 * story so far condenses.
 */
class StorylineEventRulesTests {

	@Test
	void datesAreADayAMonthOrAYearAndReadAsMuchAsIsKnown() {
		assertThat(EventDate.parse("2019-03-12").orElseThrow().text()).isEqualTo("12 March 2019");
		assertThat(EventDate.parse(" 2019-3 ").orElseThrow())
			.isEqualTo(new EventDate(LocalDate.of(2019, 3, 1), EventDate.Precision.MONTH));
		assertThat(EventDate.parse("2019-03").orElseThrow().text()).isEqualTo("March 2019");
		assertThat(EventDate.parse("2019").orElseThrow().text()).isEqualTo("2019");
		assertThat(EventDate.parse("2019").orElseThrow().written()).isEqualTo("2019");
		assertThat(new EventDate(LocalDate.of(2019, 7, 9), EventDate.Precision.YEAR).date())
			.isEqualTo(LocalDate.of(2019, 1, 1));
		for (String bad : List.of("", "2019-02-30", "2019-13", "19-03-12", "12 March 2019", "2019-03-12T10:00",
				"0000")) {
			assertThat(EventDate.parse(bad)).as(bad).isEmpty();
		}
	}

	@Test
	void sourcesAreHttpOrHttpsAddressesWithOptionalLabels() {
		CheckedEvent checked = EventRules.check(
				new EventDraft("2019", "Summary", "", "",
						"https://example.org/a The report\n\n  http://example.com/b  ", "", false),
				slug -> Optional.empty());
		assertThat(checked.sources()).containsExactly(new SourceLink("https://example.org/a", "The report"),
				new SourceLink("http://example.com/b", ""));
		assertThat(checked.sources().get(1).text()).isEqualTo("example.com");
		for (String bad : List.of("javascript:alert(1)", "ftp://example.org/x", "//example.org", "data:text/html,x",
				"https://", "http:/x")) {
			assertThatThrownBy(() -> EventRules.check(new EventDraft("2019", "Summary", "", "", bad, "", false),
					slug -> Optional.empty()))
				.as(bad)
				.isInstanceOf(InvalidArticleException.class)
				.hasMessageContaining("must be an http or https address");
		}
	}

	@Test
	void theSummaryIsOneLineOfLimitedLength() {
		assertThat(EventRules
			.check(new EventDraft("2019", " Two\nlines\tjoined ", "", "", "", "", false), slug -> Optional.empty())
			.summary()).isEqualTo("Two lines joined");
		assertThatThrownBy(() -> EventRules.check(new EventDraft("2019", "x".repeat(301), "", "", "", "", false),
				slug -> Optional.empty()))
			.hasMessage("The summary must be at most 300 characters.");
	}

	@Test
	void theStorySoFarKeepsKeyEventsFirstThenTheLatestAndShowsThemInDateOrder() {
		List<LinkedEvent> events = List.of(event(1, 2010, true), event(2, 2011, false), event(3, 2012, false),
				event(4, 2013, true), event(5, 2014, false), event(6, 2015, false), event(7, 2016, false));

		assertThat(StorylineEvents.condense(events, 5).stream().map(linked -> linked.event().id())).containsExactly(1L,
				4L, 5L, 6L, 7L);
		assertThat(StorylineEvents.condense(events, 2).stream().map(linked -> linked.event().id())).containsExactly(1L,
				4L);
		assertThat(StorylineEvents.condense(events.subList(1, 3), 5)).hasSize(2);
	}

	private static LinkedEvent event(long id, int year, boolean key) {
		return new LinkedEvent(
				new StorylineEvent(id, 1, new EventDate(LocalDate.of(year, 1, 1), EventDate.Precision.YEAR),
						"Event " + id, "", "", List.of(), null, key),
				null);
	}

}
