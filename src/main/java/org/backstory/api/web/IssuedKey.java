package org.backstory.api.web;

/**
 * A key shown once, right after it was made.
 *
 * @param integration the integration's name
 * @param label which key ("Content API key", "Admin API key")
 * @param value the key in full
 */
public record IssuedKey(String integration, String label, String value) {
}
