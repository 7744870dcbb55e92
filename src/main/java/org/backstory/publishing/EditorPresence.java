package org.backstory.publishing;

import java.time.Instant;

/**
 * Another staff member with the same article open in the editor.
 *
 * @param name their name
 * @param since when they opened it
 */
public record EditorPresence(String name, Instant since) {
}
