package org.backstory.billing.group;

/** What opening a group invitation came to. */
public enum InviteAcceptance {

	/** The reader holds a seat now. */
	JOINED,
	/** The link is not (or no longer) an open invitation. */
	UNKNOWN,
	/** The reader holds a seat of a group already, or manages this one. */
	ALREADY_IN_A_GROUP,
	/** The group's subscription has ended. */
	ENDED,
	/** Every seat of the group is held or invited to (an invite link holds none). */
	FULL

}
