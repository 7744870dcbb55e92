/**
 * DKIM signing (RFC 6376) of every outgoing message, transactional and bulk, when a key,
 * selector and domain are configured ({@code BACKSTORY_DKIM_*}); without them messages
 * leave unsigned and untouched. Internal to the email module.
 */
@NullMarked
package org.backstory.email.dkim;

import org.jspecify.annotations.NullMarked;
