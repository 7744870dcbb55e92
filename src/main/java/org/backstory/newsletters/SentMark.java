package org.backstory.newsletters;

/**
 * A message the SMTP server accepted, to be recorded on its recipient's row.
 *
 * @param recipient whom it went to
 * @param worker the worker that claimed and mailed it
 */
record SentMark(ClaimedRecipient recipient, String worker) {

	MessageRef ref() {
		return new MessageRef(recipient.sendId(), recipient.memberId());
	}

}
