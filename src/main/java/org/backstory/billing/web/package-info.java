/**
 * Billing's pages: the plans ({@code /subscribe}), checkout ({@code /checkout/{plan}}),
 * the account overview ({@code /account}), the card on file ({@code /account/card}),
 * gifts ({@code /gift}, {@code /gift/redeem/{token}}) and the owner's coupons
 * ({@code /admin/billing/coupons}). Types here are public only because the precompiled
 * templates read them.
 */
@NullMarked
package org.backstory.billing.web;

import org.jspecify.annotations.NullMarked;
