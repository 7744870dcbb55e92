package org.backstory.newsletters;

import org.backstory.members.MemberProfile;

/** What a signed link from a newsletter opens, as {@link SignedLinks} reads it. */
public sealed interface LinkTarget {

	/**
	 * A valid unsubscribe link.
	 *
	 * @param member whose link it is
	 * @param newsletter what it unsubscribes from
	 * @param optedIn whether the member was getting the newsletter when the link was read
	 */
	record Unsubscribe(MemberProfile member, Newsletter newsletter, boolean optedIn) implements LinkTarget {
	}

	/**
	 * A valid preferences link.
	 *
	 * @param member whose preferences it opens
	 */
	record Preferences(MemberProfile member) implements LinkTarget {
	}

	/**
	 * A valid unfollow link from a follow email.
	 *
	 * @param member whose link it is
	 * @param storylineTitle the storyline it unfollows
	 * @param storylineSlug the storyline's slug, for its page
	 * @param following whether the member followed it when the link was read
	 */
	record Unfollow(MemberProfile member, String storylineTitle, String storylineSlug,
			boolean following) implements LinkTarget {
	}

	/** A link we did not sign: cut short, mistyped or tampered with. */
	record Invalid() implements LinkTarget {
	}

	/** A link we signed for a member or newsletter that no longer exists. */
	record Gone() implements LinkTarget {
	}

}
