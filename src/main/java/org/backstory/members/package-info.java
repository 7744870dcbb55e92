/**
 * Members: reader accounts and staff users, sign-up, password and magic-link sign-in,
 * sessions, one-time links (verification, password reset), the profile, and the web
 * security rules.
 */
@ApplicationModule(allowedDependencies = { "shared", "email" })
@NullMarked
package org.backstory.members;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
