package org.backstory.publishing;

import java.util.Set;

/**
 * Which gated articles a search may match on their whole text, for one reader; every
 * other article is matched only on what anyone may read (title, dek, tags and free
 * preview). The access module builds it from its policy, so search follows the same rule
 * as the pages.
 *
 * @param members articles for signed-in members
 * @param paid articles for paying subscribers
 * @param everyTier articles for some tiers, whichever tiers
 * @param tiers articles for some tiers that include one of these tier codes
 */
public record SearchReach(boolean members, boolean paid, boolean everyTier, Set<String> tiers) {

	public SearchReach {
		tiers = Set.copyOf(tiers);
	}

	/**
	 * Matches gated articles on what anyone may read only: an anonymous reader's reach.
	 */
	public static SearchReach previewsOnly() {
		return new SearchReach(false, false, false, Set.of());
	}

	/** Matches every article on its whole text (staff). */
	public static SearchReach everything() {
		return new SearchReach(true, true, true, Set.of());
	}

	/** Whether an article with this visibility is matched on its whole text. */
	public boolean wholeText(Visibility visibility) {
		return switch (visibility.level()) {
			case PUBLIC -> true;
			case MEMBERS -> members;
			case PAID -> paid;
			case TIERS -> everyTier || visibility.tiers().stream().anyMatch(tiers::contains);
		};
	}

}
