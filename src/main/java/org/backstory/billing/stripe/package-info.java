/**
 * The Stripe payment gateway, selected when {@code BACKSTORY_STRIPE_SECRET_KEY} is set:
 * cards are entered on Stripe Checkout's page (setup mode) and charged off-session with
 * PaymentIntents; webhook events are verified, stored, and processed after with retries.
 * The only package that talks to Stripe.
 */
@NullMarked
package org.backstory.billing.stripe;

import org.jspecify.annotations.NullMarked;
