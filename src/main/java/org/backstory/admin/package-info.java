/**
 * Admin: the shell of the staff area at {@code /admin}: the landing page linking to each module's admin
 * pages, the business dashboard (figures read through other modules' APIs, plus which article a reader
 * signed up or subscribed from) and the site settings page. Staff only (guarded in the security filter
 * chain). It changes other modules' data only through their public services.
 */
@ApplicationModule(allowedDependencies = { "shared", "members", "email", "publishing", "billing", "access" })
@NullMarked
package org.backstory.admin;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
