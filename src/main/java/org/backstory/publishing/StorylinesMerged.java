package org.backstory.publishing;

/**
 * A storyline was merged into another and deleted. Published synchronously inside the
 * merging transaction, so what other modules keep per storyline (the follows) moves with
 * it or not at all.
 *
 * @param fromId the storyline that was merged and no longer exists
 * @param intoId the storyline it was merged into
 */
public record StorylinesMerged(long fromId, long intoId) {
}
