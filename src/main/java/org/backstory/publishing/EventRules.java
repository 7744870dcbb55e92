package org.backstory.publishing;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/** What a storyline event may hold; every problem is a sentence for the editor's form. */
final class EventRules {

	static final int MAX_SUMMARY = 300;

	static final int MAX_QUOTE = 1000;

	static final int MAX_SPEAKER = 120;

	static final int MAX_SOURCES = 10;

	static final int MAX_LABEL = 200;

	private EventRules() {
	}

	/**
	 * Checks the draft; {@code articleIdOf} finds an article by slug.
	 * @throws InvalidArticleException listing every problem
	 */
	static CheckedEvent check(EventDraft draft, Function<String, Optional<Long>> articleIdOf) {
		List<String> problems = new ArrayList<>();
		Optional<EventDate> date = EventDate.parse(draft.date());
		if (date.isEmpty()) {
			problems.add("The date must be a day (2019-03-12), a month (2019-03) or a year (2019).");
		}
		String summary = EditorialRules.plain(draft.summary()).replaceAll("\\s+", " ");
		EditorialRules.nameProblem("The summary", summary, MAX_SUMMARY).ifPresent(problems::add);
		String quote = EditorialRules.withoutControls(draft.quote()).strip();
		if (quote.length() > MAX_QUOTE) {
			problems.add("The quote must be at most " + MAX_QUOTE + " characters.");
		}
		String speaker = EditorialRules.plain(draft.speaker());
		if (speaker.length() > MAX_SPEAKER) {
			problems.add("The speaker must be at most " + MAX_SPEAKER + " characters.");
		}
		if (!speaker.isEmpty() && quote.isEmpty()) {
			problems.add("A speaker needs a quote.");
		}
		List<SourceLink> sources = sources(draft.sources(), problems);
		@Nullable Long articleId = null;
		String article = draft.article().strip();
		if (!article.isEmpty()) {
			Optional<Long> found = articleIdOf.apply(article);
			if (found.isEmpty()) {
				problems.add("There is no article with the slug '" + EditorialRules.abbreviate(article) + "'.");
			}
			else {
				articleId = found.get();
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidArticleException(problems);
		}
		return new CheckedEvent(date.orElseThrow(), summary, quote, speaker, sources, articleId, draft.key());
	}

	private static List<SourceLink> sources(String written, List<String> problems) {
		List<SourceLink> sources = new ArrayList<>();
		for (String line : written.lines().map(String::strip).filter(line -> !line.isEmpty()).toList()) {
			String[] parts = line.split("\\s+", 2);
			String url = parts[0];
			String label = parts.length > 1 ? EditorialRules.plain(parts[1]) : "";
			if (!webAddress(url)) {
				problems.add("The source '" + EditorialRules.abbreviate(url) + "' must be an http or https address.");
			}
			else if (label.length() > MAX_LABEL) {
				problems.add("A source's label must be at most " + MAX_LABEL + " characters.");
			}
			sources.add(new SourceLink(url, label));
		}
		if (sources.size() > MAX_SOURCES) {
			problems.add("An event may have at most " + MAX_SOURCES + " sources.");
		}
		return sources;
	}

	private static boolean webAddress(String url) {
		if (url.length() > EditorialRules.MAX_URL) {
			return false;
		}
		try {
			URI uri = new URI(url);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

}
