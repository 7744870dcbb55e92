package org.backstory.publishing;

import java.util.List;

/**
 * The names an article can refer to.
 *
 * @param authors every author by name
 * @param tags every tag by name
 * @param storylines every storyline by title
 */
public record Vocabulary(List<Author> authors, List<Tag> tags, List<Storyline> storylines) {
}
