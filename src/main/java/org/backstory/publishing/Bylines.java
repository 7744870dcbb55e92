package org.backstory.publishing;

import java.util.List;
import java.util.Map;

/**
 * The authors and tags of a list of articles, each in its byline's order (read by
 * {@link BylineRepository}).
 */
record Bylines(Map<Long, List<AuthorRef>> authorsById, Map<Long, List<TagRef>> tagsById) {

	List<AuthorRef> authors(long id) {
		return authorsById.getOrDefault(id, List.of());
	}

	List<TagRef> tags(long id) {
		return tagsById.getOrDefault(id, List.of());
	}

}
