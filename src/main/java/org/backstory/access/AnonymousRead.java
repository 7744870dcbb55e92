package org.backstory.access;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What the policy decides for a reader who is not signed in
 * ({@link AccessPolicy#decideAnonymous}).
 *
 * @param decision whether they may read the whole article, and if not, what to offer
 * @param meter the anonymous meter after this read ({@link MeterStatus#OFF} when it does
 * not apply to the article)
 * @param personal whether the answer depends on the reader's meter cookie, so no shared
 * cache may keep it
 * @param readAfter the articles to record in the cookie, or null when it stays as it is
 */
record AnonymousRead(AccessDecision decision, MeterStatus meter, boolean personal, @Nullable Set<Long> readAfter) {
}
