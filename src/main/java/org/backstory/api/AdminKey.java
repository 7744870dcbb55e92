package org.backstory.api;

import org.backstory.members.MemberRole;
import org.backstory.members.SignedInMember;

/**
 * What an Admin API key id opens: the integration it belongs to, the role it acts with,
 * and the secret its tokens are signed with (HS256 over the hex-decoded secret, as
 * Ghost's clients sign).
 *
 * @param integrationId the integration's id
 * @param name the integration's name, for the audit log
 * @param role what a call with this key may do
 * @param secret the 32-byte HMAC secret
 */
public record AdminKey(long integrationId, String name, MemberRole role, byte[] secret) {

	/**
	 * Who a call with this key acts as: a staff member with the integration's role, under
	 * its actor id.
	 */
	public SignedInMember actor() {
		return new SignedInMember(Integration.actorId(integrationId), "", name, role);
	}

}
