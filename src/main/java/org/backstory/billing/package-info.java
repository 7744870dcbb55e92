/**
 * Billing: plans and prices, the payment gateway port (with the built-in sandbox
 * gateway), checkout, the card on file, subscriptions, and the entitlement other modules
 * ask about.
 */
@ApplicationModule(allowedDependencies = { "shared", "members", "email", "publishing" })
@NullMarked
package org.backstory.billing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
