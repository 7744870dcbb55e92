package org.backstory.access;

/** What a reader may do with gift links ({@link AccessPolicy#giftRight}). */
enum GiftRight {

	/** Not a subscriber: makes none. */
	NONE,
	/** A subscriber: as many a calendar month as their plan allows. */
	MONTHLY_ALLOWANCE,
	/** Staff: as many as they like. */
	UNLIMITED

}
