package org.backstory.members;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What staff change about a member at once ({@link MemberRoster#edit}); a null field
 * stays as it is.
 *
 * @param email the new sign-in address, or null
 * @param name the new name, or null
 * @param note the new note (empty to clear it), or null
 * @param labels the member's labels from now on (replacing the ones they have), or null
 */
public record MemberChanges(@Nullable String email, @Nullable String name, @Nullable String note,
		@Nullable List<String> labels) {

	public MemberChanges {
		labels = labels == null ? null : List.copyOf(labels);
	}

}
