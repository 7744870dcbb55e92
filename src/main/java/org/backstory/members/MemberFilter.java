package org.backstory.members;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Which members a staff list shows. Other modules' facts (billing status, newsletters)
 * arrive as id sets worked out by those modules, so the member table is never joined with
 * theirs.
 *
 * @param search part of the address or name, any case; empty for all
 * @param joinedFrom only members who joined at or after this moment, or null
 * @param joinedBefore only members who joined before this moment, or null
 * @param label only members with this label, or null
 * @param onlyIds only these members, or null for no such restriction; meant for a few
 * thousand ids at most
 * @param exceptIds never these members (possibly none); a few thousand at most
 * @param batchFilter a further condition checked a chunk of candidates at a time, or null
 */
public record MemberFilter(String search, @Nullable Instant joinedFrom, @Nullable Instant joinedBefore,
		@Nullable String label, @Nullable Set<Long> onlyIds, Set<Long> exceptIds,
		@Nullable MemberBatchFilter batchFilter) {

	public MemberFilter {
		search = search.strip();
		onlyIds = onlyIds == null ? null : Set.copyOf(onlyIds);
		exceptIds = Set.copyOf(exceptIds);
	}

	/** Every member. */
	public static MemberFilter everyone() {
		return new MemberFilter("", null, null, null, null, Set.of(), null);
	}

}
