package org.backstory.members;

/** What a signed-in person may do. Readers are members; the other three are staff. */
public enum MemberRole {

	MEMBER, AUTHOR, EDITOR, OWNER;

	public boolean staff() {
		return this != MEMBER;
	}

	/** The Spring Security authority for this role, e.g. {@code ROLE_EDITOR}. */
	public String authority() {
		return "ROLE_" + name();
	}

}
