/**
 * Outgoing webhooks: staff add a target URL for an event; every article, member,
 * subscription and payment change an event names is recorded as a delivery in the
 * transaction of the change (a transactional outbox), then posted by db-scheduler with
 * Ghost's body, headers and signature, retried with growing waits, and listed with its
 * outcome. A post is the Content API's post object ({@code api.GhostPosts}). Bodies carry
 * only what an anonymous reader may read ({@code access.ArticleGate}); targets are
 * checked on the address actually connected to ({@link TargetAddresses}).
 */
@ApplicationModule(allowedDependencies = { "shared", "publishing", "access", "members", "billing", "api" })
@NullMarked
package org.backstory.webhooks;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
