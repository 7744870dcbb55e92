package org.backstory.email;

/**
 * One open connection of a {@link BulkMailer}. Not thread-safe: one worker uses it at a
 * time.
 */
public interface BulkConnection extends AutoCloseable {

	/**
	 * Hands one message to the server and returns once the server has accepted it. After
	 * a failure that lost the connection, the next call connects again.
	 * @throws DeliveryFailure when the server refused the message or the connection broke
	 */
	void send(BulkMessage message) throws DeliveryFailure;

	/** Says goodbye to the server; never throws. */
	@Override
	void close();

}
