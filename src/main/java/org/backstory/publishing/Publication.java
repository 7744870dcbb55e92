package org.backstory.publishing;

import org.jspecify.annotations.Nullable;

/**
 * The publication's identity, set by the owner.
 *
 * @param name the publication's name
 * @param tagline its one-line description
 * @param accentColor a {@code #rrggbb} colour used for links and buttons
 * @param logoUrl optional logo image
 */
public record Publication(String name, String tagline, String accentColor, @Nullable String logoUrl) {
}
