package org.backstory.billing.group;

/** What a manager's change to their group came to. */
public enum GroupChange {

	/** Done. */
	DONE,
	/** Every seat is held or invited to. */
	NO_SEATS_LEFT,
	/** That address has an open invitation already. */
	ALREADY_INVITED,
	/** That reader already holds a seat of this group (or is its manager). */
	ALREADY_MEMBER,
	/** Another group has this domain. */
	DOMAIN_TAKEN,
	/** Nothing of that kind in this group (a reader, an invitation, a domain). */
	NOT_FOUND,
	/** The group's subscription has ended. */
	ENDED

}
