package org.backstory.members;

import java.util.List;
import java.util.Set;

/**
 * Another module's condition on members asked a chunk of candidates at a time ("which of
 * these members pay?"), for conditions that admit too many members to list as ids.
 */
@FunctionalInterface
public interface MemberBatchFilter {

	/** The ids among {@code candidates} that pass. */
	Set<Long> admitted(List<Long> candidates);

}
