/**
 * Admin: the shell of the staff area at {@code /admin}, the landing page linking to each module's admin
 * pages. Staff only (guarded in the security filter chain). It hosts navigation; it never edits another
 * module's data.
 */
@ApplicationModule(allowedDependencies = { "shared", "members", "email", "billing", "newsletters" })
@NullMarked
package org.backstory.admin;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
