/**
 * The publication's APIs for other programs: integrations (named keys the owner creates
 * and revokes at {@code /admin/integrations}) and Ghost's Content API v5 under
 * {@code /ghost/api/content/}, so that Ghost's JavaScript client and the front ends built
 * on it read Backstory unchanged, and Ghost's Admin API under {@code /ghost/api/admin/},
 * so programs write through the newsroom's own services. A Content API call is an
 * anonymous reader: it goes through the access module's gate like any page. An Admin API
 * call acts as a staff member with the role the owner gave the integration, under the
 * integration's actor id ({@link org.backstory.api.Integration#actorId}).
 * {@link org.backstory.api.Integrations} is the entry point for the keys.
 */
@ApplicationModule(allowedDependencies = { "shared", "members", "publishing", "access", "billing", "newsletters",
		"media", "memberlist" })
@NullMarked
package org.backstory.api;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
