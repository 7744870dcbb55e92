/**
 * Admin: the shell of the staff area at {@code /admin}, the landing page linking to each module's admin
 * pages. Staff only (guarded in the security filter chain). It hosts navigation and the pages that compose
 * several modules (the member list: members, billing and newsletters, in {@code admin.members}); it changes
 * other modules' data only through their public services.
 */
@ApplicationModule(allowedDependencies = { "shared", "members", "email", "billing", "newsletters" })
@NullMarked
package org.backstory.admin;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
