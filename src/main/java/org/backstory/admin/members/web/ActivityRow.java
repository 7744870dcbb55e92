package org.backstory.admin.members.web;

import org.jspecify.annotations.Nullable;

/**
 * One entry of a member's activity on their staff page.
 *
 * @param kind what sort of entry, for styling and tests: {@code signup},
 * {@code verified}, {@code subscription}, {@code payment}, {@code gift},
 * {@code gift-link}, {@code seat}, {@code opt-in}, {@code opt-out}
 * @param text what happened
 * @param linkText the article it names, linked, or null
 * @param href the article's page, or null
 */
public record ActivityRow(String at, String kind, String text, @Nullable String linkText, @Nullable String href) {
}
