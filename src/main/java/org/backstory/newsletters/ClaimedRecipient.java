package org.backstory.newsletters;

/** A recipient a worker has claimed and is about to mail. */
record ClaimedRecipient(long sendId, long newsletterId, long memberId, String address, String name, String edition,
		int attempts) {
}
