package org.backstory.publishing;

/**
 * An entity the matcher found in an article, as the editor's mention list shows it.
 *
 * @param entityId the entity's id
 * @param slug the entity's slug
 * @param name the entity's name
 * @param gated whether it is named only in the gated part
 * @param confirmed true while the editor keeps it; false once they said the name means
 * someone else
 */
public record ArticleMention(long entityId, String slug, String name, boolean gated, boolean confirmed) {
}
