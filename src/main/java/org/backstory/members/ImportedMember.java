package org.backstory.members;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A member brought over from another platform through {@link MemberRoster#importAll}.
 * Checked by the caller with {@link MemberRoster#emailProblem} and
 * {@link MemberRoster#nameProblem} first.
 *
 * @param email a valid address not yet taken
 * @param name 1 to 100 characters
 * @param note staff's note, at most 2,000 characters
 * @param labels labels of 1 to 100 characters each
 * @param joinedAt when they joined the old platform, or null for now
 */
public record ImportedMember(String email, String name, String note, List<String> labels, @Nullable Instant joinedAt) {

	public ImportedMember {
		labels = List.copyOf(labels);
	}

}
