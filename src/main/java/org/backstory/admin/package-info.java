/**
 * Admin: the shell of the staff area at {@code /admin}, the landing page linking to each module's admin
 * pages, and the audit log of staff actions ({@link org.backstory.admin.AuditLog}, schema {@code admin},
 * shown to the owner at {@code /admin/audit}). Staff only (guarded in the security filter chain). It hosts
 * navigation; it never edits another module's data.
 */
@ApplicationModule(allowedDependencies = { "shared", "members", "email" })
@NullMarked
package org.backstory.admin;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
