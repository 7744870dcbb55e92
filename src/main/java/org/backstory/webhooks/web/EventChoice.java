package org.backstory.webhooks.web;

/**
 * An event in the form's list.
 *
 * @param key its name, e.g. {@code post.published}
 * @param description what makes it fire
 */
public record EventChoice(String key, String description) {
}
