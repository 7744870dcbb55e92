package org.backstory.memberlist;

import java.util.Set;

import org.backstory.billing.MemberBilling;
import org.backstory.members.MemberListing;

/**
 * A line of the member list or export: the member, their billing, and the newsletters
 * they get.
 *
 * @param newsletterIds the ids of the newsletters they get, possibly none
 */
public record MemberRow(MemberListing member, MemberBilling billing, Set<Long> newsletterIds) {

	public MemberRow {
		newsletterIds = Set.copyOf(newsletterIds);
	}

}
