/**
 * Admin: the shell of the staff area at {@code /admin}, the landing page linking to each
 * module's admin pages, the audit log of staff actions
 * ({@link org.backstory.admin.AuditLog}, schema {@code admin}, shown to the owner at
 * {@code /admin/audit}), the business dashboard (figures read through other modules'
 * APIs, plus which article a reader signed up or subscribed from), the site settings
 * page, and the pages that compose several modules (the member list: members, billing and
 * newsletters, in {@code admin.members}). Staff only (guarded in the security filter
 * chain). It changes other modules' data only through their public services.
 */
@ApplicationModule(allowedDependencies = { "shared", "members", "email", "publishing", "billing", "access", "imports",
		"newsletters", "api", "memberlist" })
@NullMarked
package org.backstory.admin;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
