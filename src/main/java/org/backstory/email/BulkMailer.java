package org.backstory.email;

/**
 * Bulk delivery for newsletters: the same transport as transactional mail (SMTP, or the
 * dev outbox), but over connections the caller opens and keeps, one message at a time, so
 * the caller can record each message as sent the moment the server took it. Transactional
 * mail never shares these connections and never waits behind them.
 */
public interface BulkMailer {

	/**
	 * Opens a connection for a run of messages.
	 * @throws DeliveryFailure (transient) when the server cannot be reached
	 */
	BulkConnection connect() throws DeliveryFailure;

	/** {@code smtp} or {@code outbox}. */
	String transportName();

}
