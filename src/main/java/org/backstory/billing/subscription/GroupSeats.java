package org.backstory.billing.subscription;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The seats readers hold in group subscriptions, which the group room keeps: declared
 * here so that a seat reaches the access policy through the same entitlement as a
 * subscription of one's own ({@link SubscriptionEntitlements}).
 */
public interface GroupSeats {

	/** The group subscription whose seat the member holds. */
	Optional<Long> subscriptionOfSeat(long memberId);

	/** For those of these members who hold a seat, the group subscription's id. */
	Map<Long, Long> subscriptionsOfSeats(Collection<Long> memberIds);

}
