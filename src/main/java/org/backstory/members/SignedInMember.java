package org.backstory.members;

import java.io.Serializable;

/**
 * The principal of a signed-in member, kept in the session. Controllers take it with
 * {@code @AuthenticationPrincipal SignedInMember member}; it is null for anonymous
 * readers.
 *
 * @param id the member's id, the key other modules refer to
 * @param email the sign-in address
 * @param name the display name
 * @param role what the member may do
 */
public record SignedInMember(long id, String email, String name, MemberRole role) implements Serializable {
}
