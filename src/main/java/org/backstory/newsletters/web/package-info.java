/**
 * The newsletters module's web endpoints: the mail provider's bounce and complaint webhook, the page where
 * a member confirms a suppressed address, and the staff list of suppressed addresses.
 */
@NullMarked
package org.backstory.newsletters.web;

import org.jspecify.annotations.NullMarked;
