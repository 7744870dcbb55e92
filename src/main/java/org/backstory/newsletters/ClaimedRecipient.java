package org.backstory.newsletters;

import org.jspecify.annotations.Nullable;

/**
 * A recipient a worker has claimed and is about to mail; {@code storylineId} is set for a
 * follow email.
 */
record ClaimedRecipient(long sendId, long newsletterId, long memberId, String address, String name, String edition,
		int attempts, @Nullable Long storylineId) {
}
