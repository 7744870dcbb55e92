package org.backstory.publishing;

import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether an article's background has fallen behind its storyline: the earlier events
 * dated after the newest event the background mentions. Pure, no I/O.
 * <p>
 * An event counts as <em>mentioned</em> when the background links to its covering article
 * ({@code /p/slug}, also as a full address), contains one of its source addresses, or
 * names its date as a recap line writes it: a day as "22 September 2017", "September 22,
 * 2017" or "2017-09-22"; a month as "September 2017" or "2017-09"; a year as "in 2017".
 * Dates match ignoring case, never inside a longer number. A background that mentions no
 * event is not stale (it does not follow the timeline; the panel still offers every
 * event), nor is an empty one.
 */
final class StaleBackground {

	private static final Pattern HEADING = Pattern.compile("^ {0,3}##(?!#)[ \\t]*(.*?)[ \\t#]*$");

	private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");

	private static final DateTimeFormatter AMERICAN = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);

	private StaleBackground() {
	}

	/**
	 * The background of an article: its background part in the house format, else the
	 * "Before you read" section of its free-standing body (every one, if it has several,
	 * from the heading to the next H2), as bodies kept out of the format by the migration
	 * still have one. The one place that knows where the background is written.
	 */
	static String backgroundOf(HouseText text) {
		return text.formatted() ? text.background() : backgroundSectionOf(text.body());
	}

	private static String backgroundSectionOf(String bodyMarkdown) {
		StringBuilder background = new StringBuilder();
		boolean inBackground = false;
		boolean inFence = false;
		for (String line : bodyMarkdown.split("\\R", -1)) {
			if (FENCE.matcher(line).find()) {
				inFence = !inFence;
			}
			Matcher heading = HEADING.matcher(line);
			if (!inFence && heading.matches()) {
				inBackground = HouseSection.named(heading.group(1))
					.filter(HouseSection.BEFORE_YOU_READ::equals)
					.isPresent();
				continue;
			}
			if (inBackground) {
				background.append(line).append('\n');
			}
		}
		return background.toString();
	}

	/**
	 * The events (oldest first) dated after the newest one {@code background} mentions;
	 * none if it mentions none.
	 */
	static List<SuggestedEvent> newerThanBackground(String background, List<SuggestedEvent> events) {
		Optional<SuggestedEvent> newestMentioned = events.stream()
			.filter(event -> mentions(background, event))
			.max(Comparator.comparing((SuggestedEvent event) -> event.date().date()));
		if (newestMentioned.isEmpty()) {
			return List.of();
		}
		return events.stream()
			.filter(event -> event.date().date().isAfter(newestMentioned.get().date().date()))
			.sorted(Comparator.comparing((SuggestedEvent event) -> event.date().date())
				.thenComparing(SuggestedEvent::id))
			.toList();
	}

	/**
	 * Whether the background links to the event's article or a source of it, or names its
	 * date.
	 */
	static boolean mentions(String background, SuggestedEvent event) {
		if (event.articleSlug() != null
				&& Pattern.compile(Pattern.quote(ArticleLinks.page(event.articleSlug())) + "(?![a-z0-9-])")
					.matcher(background)
					.find()) {
			return true;
		}
		if (event.sources().stream().anyMatch(source -> background.contains(source.url()))) {
			return true;
		}
		return datesOf(event.date()).stream()
			.anyMatch(date -> Pattern
				.compile("(?<![\\p{L}\\d])" + Pattern.quote(date) + "(?!\\d)",
						Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
				.matcher(background)
				.find());
	}

	private static List<String> datesOf(EventDate date) {
		return switch (date.precision()) {
			case DAY -> List.of(date.text(), AMERICAN.format(date.date()), date.written());
			case MONTH -> List.of(date.text(), date.written());
			case YEAR -> List.of("in " + date.text());
		};
	}

}
