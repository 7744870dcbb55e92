package org.backstory.members;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A member as staff lists and export them.
 *
 * @param id the member's id
 * @param email the sign-in address
 * @param name the display name
 * @param role member or staff role
 * @param emailVerified whether the address is proven
 * @param joinedAt when the account was created (kept from the old platform for imported
 * members)
 * @param note staff's free-text note, possibly empty
 * @param labels staff's labels, sorted
 * @param updatedAt when the account itself (address, name, note) last changed
 * @param lastSeenAt the first request of the last day they were seen (written at most
 * once a day), null if never
 */
public record MemberListing(long id, String email, String name, MemberRole role, boolean emailVerified,
		Instant joinedAt, String note, List<String> labels, Instant updatedAt, @Nullable Instant lastSeenAt) {

	public MemberListing {
		labels = List.copyOf(labels);
	}

	/** Where the next page starts after this member. */
	public MemberCursor cursor() {
		return new MemberCursor(joinedAt, id);
	}

}
