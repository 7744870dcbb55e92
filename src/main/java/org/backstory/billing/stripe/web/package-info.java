/** Stripe's webhook endpoint, {@code POST /webhooks/stripe}. */
@NullMarked
package org.backstory.billing.stripe.web;

import org.jspecify.annotations.NullMarked;
