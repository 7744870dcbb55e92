package org.backstory.site;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.backstory.publishing.ArticleSummary;
import org.jspecify.annotations.Nullable;

/**
 * What a signed-in reader has missed in a storyline: the parts published after their last read of any part, and
 * which parts they have read. Counts articles (storyline events are not counted). Empty for anyone who has read no
 * part, anonymous readers included.
 *
 * @param newParts parts published after the reader's last read of any part of the storyline
 * @param readHrefs the addresses of the parts the reader has read
 */
public record Catchup(int newParts, Set<String> readHrefs) {

	/** Nothing read, nothing to catch up on. */
	public static final Catchup NONE = new Catchup(0, Set.of());

	public Catchup {
		readHrefs = Set.copyOf(readHrefs);
	}

	/** The catch-up for a reader whose last reads of the storyline's articles are {@code lastReads}. */
	static Catchup of(List<ArticleSummary> parts, Map<Long, Instant> lastReads) {
		if (lastReads.isEmpty()) {
			return NONE;
		}
		Instant lastRead = lastReads.values().stream().max(Instant::compareTo).orElseThrow();
		int newParts = (int) parts.stream().filter(part -> part.publishedAt().isAfter(lastRead)).count();
		Set<String> read = parts.stream()
			.filter(part -> lastReads.containsKey(part.id()))
			.map(part -> ArticleCard.of(part).href())
			.collect(Collectors.toSet());
		return new Catchup(newParts, read);
	}

	/** Whether the reader has read the article at {@code href}. */
	public boolean read(String href) {
		return readHrefs.contains(href);
	}

	/** "New since you last read: 2 developments", or null when there is nothing new or nothing read. */
	public @Nullable String message() {
		if (newParts == 0) {
			return null;
		}
		return "New since you last read: " + newParts + (newParts == 1 ? " development" : " developments");
	}

}
