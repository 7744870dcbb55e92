package org.backstory.newsletters.web;

/**
 * One newsletter on the staff list.
 *
 * @param id its id
 * @param name what members see
 * @param slug its short stable name
 * @param sender the {@code From} as mail shows it
 * @param defaultOn whether new members get it unless they say otherwise
 * @param subscribers how many members get it
 */
public record NewsletterRow(long id, String name, String slug, String sender, boolean defaultOn, long subscribers) {
}
