package org.backstory.publishing;

/**
 * A tag, author, storyline or entity with how many published articles on the site carry
 * them (for a storyline: are its parts; for an entity: mention it in their free part),
 * what readers can find.
 *
 * @param <T> {@link Tag}, {@link Author}, {@link Storyline} or {@link Entity}
 * @param item the tag, author, storyline or entity
 * @param articles how many published articles carry (or mention) it
 */
public record PublishedCount<T>(T item, int articles) {
}
