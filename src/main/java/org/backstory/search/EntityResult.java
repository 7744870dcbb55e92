package org.backstory.search;

/**
 * A person, place or organisation whose page matches the search, shown above the
 * articles.
 *
 * @param href the entity's page
 * @param nameHtml the name, escaped, with the matches in {@code <mark>}
 * @param kind what it is, for people ("Person", "Country or place", "Organisation")
 * @param aliases the other names it goes by, plain text, comma separated (empty when
 * none)
 * @param bioHtml up to two fragments of its bio around the matches, escaped, with the
 * matches in {@code <mark>}
 */
public record EntityResult(String href, String nameHtml, String kind, String aliases, String bioHtml) {
}
