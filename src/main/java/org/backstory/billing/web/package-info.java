/**
 * Billing's pages: the plans ({@code /subscribe}), checkout ({@code /checkout/{plan}}), the account
 * overview ({@code /account}) and the card on file ({@code /account/card}). Types here are public only
 * because the precompiled templates read them.
 */
@NullMarked
package org.backstory.billing.web;

import org.jspecify.annotations.NullMarked;
