package org.backstory.imports;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.backstory.publishing.Slugs;
import org.backstory.shared.UtcDates;
import org.jspecify.annotations.Nullable;
import org.jsoup.parser.Parser;

/** Small readings shared by the Ghost and Substack readers: dates, slugs, plain text. */
final class ArchiveText {

	/** Backstory's limits on an article's slug and dek. */
	static final int MAX_SLUG = 100;

	static final int MAX_DEK = 300;

	private ArchiveText() {
	}

	/**
	 * An ISO instant ({@code 2023-01-05T10:00:00.000Z}, with or without offset), a date
	 * and time with a space as older Ghost exports write it (UTC), a date, or null when
	 * the text is none of these.
	 */
	static @Nullable Instant instant(String text) {
		String value = text.strip();
		if (value.isEmpty()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException ex) {
			return UtcDates.withoutZone(value);
		}
	}

	/**
	 * A valid slug from the old one (kept as it was when it is valid), else from the
	 * title, else from the key.
	 */
	static String slug(String old, String title, String key) {
		String slug = Slugs.fromName(old, MAX_SLUG);
		if (slug.isEmpty()) {
			slug = Slugs.fromName(title, MAX_SLUG);
		}
		return slug.isEmpty() ? "post-" + Slugs.fromName(key, 40) : slug;
	}

	/**
	 * Text whose HTML entities are decoded (Substack writes subtitles entity-encoded),
	 * tags left as text.
	 */
	static String unescaped(String text) {
		return Parser.unescapeEntities(text, false).strip();
	}

	/**
	 * A dek of at most {@link #MAX_DEK} characters, cut at a word with "…" when longer.
	 */
	static String dek(String text) {
		String dek = text.strip().replaceAll("\\s+", " ");
		if (dek.length() <= MAX_DEK) {
			return dek;
		}
		String cut = dek.substring(0, MAX_DEK - 1);
		int space = cut.lastIndexOf(' ');
		return (space > MAX_DEK / 2 ? cut.substring(0, space) : cut) + "…";
	}

}
