/**
 * Newsletters' pages: unsubscribe and preferences links, members' and staff's newsletter
 * choices, the bounce webhook, and staff's publishing and send progress pages. Types here
 * are public only because the precompiled templates read them.
 */
@NullMarked
package org.backstory.newsletters.web;

import org.jspecify.annotations.NullMarked;
