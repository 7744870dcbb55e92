package org.backstory.site;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.backstory.publishing.ArticleSummary;
import org.backstory.publishing.StorylineEvent;
import org.jspecify.annotations.Nullable;

/**
 * What a signed-in reader has missed in a storyline since their last read of any part of
 * it: new parts and new events (see
 * {@link org.backstory.publishing.StorylineEvents#newSince}), and which parts they have
 * read. An event covering a part that is itself new is one development, counted once.
 * Empty for anyone who has read no part, anonymous readers included.
 *
 * @param newParts parts published after the reader's last read
 * @param newEvents events new since the last read that do not cover a new part
 * @param readHrefs the addresses of the parts the reader has read
 */
public record Catchup(int newParts, int newEvents, Set<String> readHrefs) {

	/** Nothing read, nothing to catch up on. */
	public static final Catchup NONE = new Catchup(0, 0, Set.of());

	public Catchup {
		readHrefs = Set.copyOf(readHrefs);
	}

	/**
	 * The catch-up for a reader whose last reads of the storyline's articles are
	 * {@code lastReads}, given the events new since the latest of them
	 * ({@code newEventsSince}, asked only when there is a last read).
	 */
	static Catchup of(List<ArticleSummary> parts, Map<Long, Instant> lastReads,
			Function<Instant, List<StorylineEvent>> newEventsSince) {
		if (lastReads.isEmpty()) {
			return NONE;
		}
		Instant lastRead = lastReads.values().stream().max(Instant::compareTo).orElseThrow();
		Set<Long> newParts = parts.stream()
			.filter(part -> part.publishedAt().isAfter(lastRead))
			.map(ArticleSummary::id)
			.collect(Collectors.toSet());
		int newEvents = (int) newEventsSince.apply(lastRead)
			.stream()
			.filter(event -> event.articleId() == null || !newParts.contains(event.articleId()))
			.count();
		Set<String> read = parts.stream()
			.filter(part -> lastReads.containsKey(part.id()))
			.map(part -> ArticleCard.of(part).href())
			.collect(Collectors.toSet());
		return new Catchup(newParts.size(), newEvents, read);
	}

	/** Whether the reader has read the article at {@code href}. */
	public boolean read(String href) {
		return readHrefs.contains(href);
	}

	/**
	 * "New since you last read: 2 developments" (parts and events), or null when there is
	 * nothing new or nothing read.
	 */
	public @Nullable String message() {
		int developments = newParts + newEvents;
		if (developments == 0) {
			return null;
		}
		return "New since you last read: " + developments + (developments == 1 ? " development" : " developments");
	}

}
