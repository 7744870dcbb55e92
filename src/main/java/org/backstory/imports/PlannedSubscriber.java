package org.backstory.imports;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A subscriber of an archive as it will be imported: a member, opted in to the default
 * newsletters unless they turned mail off, and for a paid subscriber a comp until their
 * paid period ends.
 *
 * @param where the file and line it was read from
 * @param email the address
 * @param name the display name (the address's local part when the list has none)
 * @param optIn whether they receive the newsletters
 * @param paid whether they paid on the old platform and are comped here
 * @param compEnds when their paid period ends (the comp's end), or null for no end
 * @param joinedAt when they subscribed there, or null
 */
public record PlannedSubscriber(String where, String email, String name, boolean optIn, boolean paid,
		@Nullable Instant compEnds, @Nullable Instant joinedAt) {
}
