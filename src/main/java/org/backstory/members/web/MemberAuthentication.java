package org.backstory.members.web;

import java.util.List;

import org.backstory.members.SignedInMember;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A signed-in member as Spring Security sees them. The principal is the
 * {@link SignedInMember}, so no password hash sits in the session. The name is the member
 * id in decimal: Spring Session indexes sessions by it, which is how all of a member's
 * sessions are found and ended.
 */
public final class MemberAuthentication extends AbstractAuthenticationToken {

	private static final long serialVersionUID = 1L;

	private final SignedInMember member;

	public MemberAuthentication(SignedInMember member) {
		super(List.of(new SimpleGrantedAuthority(member.role().authority())));
		this.member = member;
		super.setAuthenticated(true);
	}

	@Override
	public SignedInMember getPrincipal() {
		return member;
	}

	@Override
	public @Nullable Object getCredentials() {
		return null;
	}

	@Override
	public String getName() {
		return principalName(member.id());
	}

	/** The principal name Spring Session stores for a member's sessions. */
	static String principalName(long memberId) {
		return Long.toString(memberId);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof MemberAuthentication that && member.equals(that.member) && super.equals(other);
	}

	@Override
	public int hashCode() {
		return member.hashCode();
	}

}
