/**
 * The built-in sandbox payment gateway: the default, for demos, development and tests. It
 * behaves like a small Stripe in test mode (tokens, test cards, idempotent charges) and
 * keeps its state in the database so every node shares it and a restart forgets nothing.
 */
@NullMarked
package org.backstory.billing.sandbox;

import org.jspecify.annotations.NullMarked;
