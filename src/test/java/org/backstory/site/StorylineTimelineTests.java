package org.backstory.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.backstory.publishing.ArticleSummary;
import org.backstory.publishing.EventDate;
import org.backstory.publishing.LinkedEvent;
import org.backstory.publishing.StorylineEvent;
import org.backstory.publishing.Visibility;
import org.junit.jupiter.api.Test;
import org.springframework.web.server.ResponseStatusException;

/**
 * The storyline page's timeline: events between articles by date, paged by articles,
 * either way round.
 */
class StorylineTimelineTests {

	private static final LocalDate START = LocalDate.of(2020, 1, 1);

	/**
	 * 25 articles a week apart; an event two days before parts 1, 21 and 25, and one
	 * after the last.
	 */
	private final List<ArticleSummary> parts = new ArrayList<>();

	private final List<LinkedEvent> events = List.of(event(1, START.minusDays(2)),
			event(2, START.plusWeeks(20).minusDays(2)), event(3, START.plusWeeks(24).minusDays(2)),
			event(4, START.plusWeeks(30)));

	StorylineTimelineTests() {
		for (int i = 0; i < 25; i++) {
			Instant published = START.plusWeeks(i).atTime(9, 0).toInstant(ZoneOffset.UTC);
			parts.add(new ArticleSummary(i + 1, "part-" + (i + 1), "Part " + (i + 1), "", List.of(), List.of(), null,
					null, published, published, Visibility.everyone()));
		}
	}

	@Test
	void oldestFirstPlacesEachEventBeforeTheFirstArticleAfterItAndPagesByArticles() {
		StorylineTimeline first = StorylineTimeline.of("/story/s", parts, events, StorylineTimeline.Order.OLDEST, 1);
		StorylineTimeline second = StorylineTimeline.of("/story/s", parts, events, StorylineTimeline.Order.OLDEST, 2);

		assertThat(steps(first)).hasSize(21).startsWith("event 1", "part 1", "part 2").endsWith("part 20");
		assertThat(steps(second)).containsExactly("event 2", "part 21", "part 22", "part 23", "part 24", "event 3",
				"part 25", "event 4");
		assertThat(first.list().nextHref()).isEqualTo("/story/s?page=2");
		assertThat(second.list().prevHref()).isEqualTo("/story/s");
	}

	@Test
	void newestFirstIsTheSameTimelineReversedWithPartNumbersKept() {
		StorylineTimeline first = StorylineTimeline.of("/story/s", parts, events, StorylineTimeline.Order.NEWEST, 1);
		StorylineTimeline second = StorylineTimeline.of("/story/s", parts, events, StorylineTimeline.Order.NEWEST, 2);

		assertThat(steps(first)).startsWith("event 4", "part 25", "event 3", "part 24").endsWith("part 6");
		assertThat(steps(second)).containsExactly("part 5", "part 4", "part 3", "part 2", "part 1", "event 1");
		assertThat(first.list().nextHref()).isEqualTo("/story/s?order=newest&page=2");
		assertThat(second.list().prevHref()).isEqualTo("/story/s?order=newest");
	}

	@Test
	void aStorylineWithEventsButNoPublishedArticleShowsItsEventsOnOnePage() {
		StorylineTimeline only = StorylineTimeline.of("/story/s", List.of(), events, StorylineTimeline.Order.OLDEST, 1);

		assertThat(steps(only)).containsExactly("event 1", "event 2", "event 3", "event 4");
		assertThat(only.list().nextHref()).isNull();
		assertThatThrownBy(() -> StorylineTimeline.of("/story/s", List.of(), events, StorylineTimeline.Order.OLDEST, 2))
			.isInstanceOf(ResponseStatusException.class);
	}

	@Test
	void theOrderParameterIsOldestOrNewestOnly() {
		assertThat(StorylineTimeline.Order.of("oldest")).contains(StorylineTimeline.Order.OLDEST);
		assertThat(StorylineTimeline.Order.of("newest")).contains(StorylineTimeline.Order.NEWEST);
		assertThat(StorylineTimeline.Order.of("Newest")).isEmpty();
		assertThat(StorylineTimeline.Order.of("")).isEmpty();
	}

	private static List<String> steps(StorylineTimeline timeline) {
		return timeline.entries()
			.stream()
			.map(entry -> entry.article() != null ? "part " + entry.part() : entry.event().summary())
			.toList();
	}

	private static LinkedEvent event(long id, LocalDate date) {
		return new LinkedEvent(new StorylineEvent(id, 1, new EventDate(date, EventDate.Precision.DAY), "event " + id,
				"", "", List.of(), null, false), null);
	}

}
