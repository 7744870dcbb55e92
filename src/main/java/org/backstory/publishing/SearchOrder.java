package org.backstory.publishing;

/** How search results are ordered. */
public enum SearchOrder {

	/** Title matches first, then dek and tags, then text; newest first among equals. */
	RELEVANCE,
	/** Newest first. */
	NEWEST

}
