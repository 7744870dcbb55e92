package org.backstory.billing.group;

import java.time.Instant;
import java.util.List;

import org.backstory.billing.SubscriptionStatus;
import org.jspecify.annotations.Nullable;

/**
 * A group licence as its manager sees it.
 *
 * @param seats seats bought, the manager's own included
 * @param includedSeats seats the plan's base price covers
 * @param used seats taken: the manager, the readers and the open invitations
 * @param price what the next period costs, every seat included, in minor units
 * @param periodEnd when the current period ends (the next bill, unless canceled)
 * @param seatPrice the price of one more seat per period under the plan's terms now
 * @param pendingSeatCharge what the seats added this period cost and the renewal run has
 * not charged yet, in minor units
 * @param inviteLinkToken the token of the group's shareable invite link, if it has one
 */
public record GroupView(long subscriptionId, String planName, SubscriptionStatus status, int seats, int includedSeats,
		int used, long price, String currency, String interval, @Nullable Instant periodEnd, long seatPrice,
		List<Reader> readers, List<PendingInvite> invites, List<String> domains, long pendingSeatCharge,
		@Nullable String inviteLinkToken) {

	/** Seats nobody holds or is invited to. */
	public int free() {
		return Math.max(0, seats - used);
	}

	/** A reader holding a seat. */
	public record Reader(long memberId, String email, String name, String joinedBy, Instant joinedAt) {
	}

	/** An invitation not yet accepted. */
	public record PendingInvite(long id, String email, Instant expiresAt) {
	}

}
