/**
 * Email: the outbound mail port. Sends over SMTP when a server is configured, otherwise
 * writes each message to the dev outbox under {@code <data-dir>/outbox}, listed at
 * {@code /admin/email/outbox}.
 */
@ApplicationModule(allowedDependencies = { "shared" })
@NullMarked
package org.backstory.email;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
