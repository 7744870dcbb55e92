package org.backstory.publishing;

import java.util.Map;

/**
 * How many members follow each storyline, for the editors' storyline pages. The follows
 * are kept by the newsletters module (a follow is a mail subscription), which implements
 * this, so publishing need not depend on it.
 */
public interface StorylineFollowers {

	/** The number of followers by storyline id; a storyline nobody follows is absent. */
	Map<Long, Long> counts();

}
