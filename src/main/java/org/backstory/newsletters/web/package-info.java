/**
 * The newsletters module's pages: unsubscribe and preferences links from newsletters (no login), the
 * member's newsletter choice on the account page, and staff pages for newsletters and a member's opt-ins.
 */
@NullMarked
package org.backstory.newsletters.web;

import org.jspecify.annotations.NullMarked;
