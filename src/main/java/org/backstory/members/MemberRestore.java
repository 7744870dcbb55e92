package org.backstory.members;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Restores Backstory's own member export into a publication whose only member is the
 * staff member importing it: each member keeps the id they had (inserted with it; the
 * identity sequence is then moved past the largest), and the importer's own row gets back
 * the name, note and join time it had, so a re-export is the same file. On any other
 * roster the ordinary {@link MemberRoster#importAll} gives new ids.
 */
@Service
public class MemberRestore {

	private static final Logger log = LoggerFactory.getLogger(MemberRestore.class);

	private final RosterWrites writes;

	private final Clock clock;

	MemberRestore(RosterWrites writes, Clock clock) {
		this.writes = writes;
		this.clock = clock;
	}

	/** Whether this member is the only one, so a member export can keep its ids. */
	@Transactional(readOnly = true)
	public boolean onlyMember(long memberId) {
		return writes.alone(memberId);
	}

	/**
	 * Creates the members as {@link MemberRoster#importAll} does, each with its exported
	 * id (same order as {@code members}). Call {@link #onlyMember} first, in the same
	 * transaction.
	 * @return their ids by lower-case address
	 */
	@Transactional
	public Map<String, Long> restoreAll(List<ImportedMember> members, List<Long> ids) {
		Map<String, Long> restored = writes.insertAll(members, List.copyOf(ids), clock.instant());
		writes.settleIds();
		log.info("Members restored with their ids count={}", members.size());
		return restored;
	}

	/**
	 * Puts back the importing member's own name, note and join time (when the export has
	 * one).
	 */
	@Transactional
	public void restoreOwnProfile(long memberId, String name, String note, @Nullable Instant joinedAt) {
		writes.restoreProfile(memberId, name, note, joinedAt, clock.instant());
	}

}
