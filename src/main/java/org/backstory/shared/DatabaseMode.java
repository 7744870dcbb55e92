package org.backstory.shared;

/**
 * Whether the app runs on its own embedded PostgreSQL (the zero-setup default) or an
 * external server.
 *
 * @param embedded true when the app started the database itself
 */
public record DatabaseMode(boolean embedded) {
}
