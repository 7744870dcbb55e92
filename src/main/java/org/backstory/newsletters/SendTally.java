package org.backstory.newsletters;

/** A send's recipients by status. */
public record SendTally(int pending, int sent, int failed, int bounced, int suppressed) {

	public int total() {
		return pending + sent + failed + bounced + suppressed;
	}

	/** Those done with: everything but pending. */
	public int done() {
		return total() - pending;
	}

}
