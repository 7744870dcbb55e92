package org.backstory.email;

/**
 * A message the server did not accept. {@link #permanent()} failures (SMTP 5xx) will fail
 * again and should not be retried; the others (4xx, a dropped or refused connection) may
 * succeed later.
 */
public class DeliveryFailure extends Exception {

	private final boolean permanent;

	private final int replyCode;

	/**
	 * @param replyCode the SMTP reply code, or 0 when the connection failed without one
	 */
	public DeliveryFailure(String message, boolean permanent, int replyCode, Throwable cause) {
		super(message, cause);
		this.permanent = permanent;
		this.replyCode = replyCode;
	}

	public boolean permanent() {
		return permanent;
	}

	/** The SMTP reply code, or 0 when the connection failed without one. */
	public int replyCode() {
		return replyCode;
	}

}
