package org.backstory.newsletters;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What staff chose when publishing an article.
 *
 * @param mode site, site and email, or email only
 * @param newsletterId the newsletter to email, for the email modes
 * @param audience who of the newsletter's members get it
 * @param at when to publish (and send); null for now
 */
public record PublishChoice(PublishMode mode, @Nullable Long newsletterId, Audience audience, @Nullable Instant at) {
}
