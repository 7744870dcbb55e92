package org.backstory.api;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

import org.backstory.members.MemberRole;
import org.jspecify.annotations.Nullable;

/**
 * A program the owner lets use the publication's APIs, under a name the owner chose.
 *
 * @param id the integration's id
 * @param name what the owner calls it ("Zapier", "Next.js front end")
 * @param role what an Admin API call with its key may do: a staff role from contributor
 * to administrator
 * @param adminKeyId the public half of its Admin API key (24 hex characters)
 * @param createdAt when it was created
 * @param revokedAt when it was revoked, or null while its keys work
 */
public record Integration(long id, String name, MemberRole role, String adminKeyId, Instant createdAt,
		@Nullable Instant revokedAt) {

	/** The roles an owner may give an integration: never the owner's own. */
	public static final List<MemberRole> ROLES = List.of(MemberRole.CONTRIBUTOR, MemberRole.AUTHOR, MemberRole.EDITOR,
			MemberRole.ADMINISTRATOR);

	public boolean active() {
		return revokedAt == null;
	}

	/**
	 * The id an integration acts under in other modules (audit log, revisions, bylines):
	 * the negative of its own id, so it can never be a member's.
	 */
	public static long actorId(long integrationId) {
		return -integrationId;
	}

	/** The integration that acted under this actor id, if it is an integration's. */
	public static OptionalLong ofActor(long actorId) {
		return actorId < 0 ? OptionalLong.of(-actorId) : OptionalLong.empty();
	}

}
