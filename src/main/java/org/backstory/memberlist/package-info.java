/**
 * The member list as staff and programs see it, composed from three modules without
 * joining their tables: members (accounts, notes, labels), billing (status, plan) and
 * newsletters (opt-ins). Used by the staff pages and export ({@code admin.members}) and
 * by the Admin API's members ({@code api}); it sits below both, so the API reaches it
 * without depending on the admin shell (which itself names integrations in its audit
 * log).
 */
@ApplicationModule(allowedDependencies = { "shared", "members", "billing", "newsletters" })
@NullMarked
package org.backstory.memberlist;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
