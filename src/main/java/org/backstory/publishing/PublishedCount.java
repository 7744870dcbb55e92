package org.backstory.publishing;

/**
 * A tag or author with how many published articles on the site carry them (what readers can find).
 *
 * @param <T> {@link Tag} or {@link Author}
 * @param item the tag or author
 * @param articles how many published articles carry it
 */
public record PublishedCount<T>(T item, int articles) {
}
