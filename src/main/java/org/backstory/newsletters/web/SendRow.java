package org.backstory.newsletters.web;

/**
 * A send as staff see it in lists and on its page.
 *
 * @param status scheduled, sending, sent or canceled
 * @param when the scheduled time, or when it started or finished, readable
 * @param done recipients done with (sent, failed, bounced or suppressed)
 * @param percent how far along, 0 to 100
 */
public record SendRow(long id, String articleTitle, String newsletterName, String audience, String status, String when,
		int sent, int done, int total, int failed, int bounced, int suppressed, int percent, String detail) {

	public boolean running() {
		return status.equals("sending") || status.equals("scheduled");
	}

}
