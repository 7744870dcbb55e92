package org.backstory.publishing.web;

import org.backstory.publishing.EventDraft;
import org.jspecify.annotations.Nullable;

/**
 * The storyline event form as posted; absent fields read as empty, an unticked box as
 * false.
 *
 * @param date {@code 2019-03-12}, {@code 2019-03} or {@code 2019}
 * @param summary one line
 * @param quote what someone said
 * @param speaker who said it
 * @param sources one link a line, an address then an optional label
 * @param article the covering article's slug
 * @param key "on" when ticked
 */
record EventForm(@Nullable String date, @Nullable String summary, @Nullable String quote, @Nullable String speaker,
		@Nullable String sources, @Nullable String article, @Nullable String key) {

	EventDraft draft() {
		return new EventDraft(orEmpty(date), orEmpty(summary), orEmpty(quote), orEmpty(speaker), orEmpty(sources),
				orEmpty(article), key != null);
	}

	private static String orEmpty(@Nullable String value) {
		return value == null ? "" : value;
	}

}
