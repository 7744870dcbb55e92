/**
 * Newsletters: the publication's newsletters, members' opt-ins, and sends. A send turns
 * an article into one email per recipient, rendered through the access module's
 * {@link org.backstory.access.ArticleGate} per edition, and delivers it from durable
 * per-recipient rows that workers on any node claim, so a crash, a restart or a second
 * node never skips or doubles a recipient. Unsubscribe links are signed and work without
 * login; bounces and complaints feed a suppression list checked before every message.
 */
@ApplicationModule(allowedDependencies = { "shared", "publishing", "access", "members", "email" })
@NullMarked
package org.backstory.newsletters;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
