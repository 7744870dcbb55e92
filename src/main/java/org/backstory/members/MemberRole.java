package org.backstory.members;

/**
 * What a signed-in person may do. Readers are members; the others are staff, each role
 * able to do what the roles below it can: a contributor writes drafts, an author writes
 * and (when an editor allows) publishes their own articles, an editor runs all content
 * and reads members, an administrator also runs members and the site's settings, and the
 * owner also runs plans, prices, payment and mail settings, staff and the audit log. The
 * declaration order is that ladder.
 */
public enum MemberRole {

	MEMBER, CONTRIBUTOR, AUTHOR, EDITOR, ADMINISTRATOR, OWNER;

	public boolean staff() {
		return this != MEMBER;
	}

	/** Whether this role can do everything {@code other} can. */
	public boolean atLeast(MemberRole other) {
		return compareTo(other) >= 0;
	}

	/** The Spring Security authority for this role, e.g. {@code ROLE_EDITOR}. */
	public String authority() {
		return "ROLE_" + name();
	}

}
