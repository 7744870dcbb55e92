package org.backstory.email;

import io.micrometer.core.instrument.Counter;

/**
 * Counts each newsletter message the server accepted
 * ({@code backstory_mail_sent_total{stream="newsletter"}}), around the transport that
 * sends it. A message sent again after a crash (at most one per connection) counts again:
 * the counter is what the server was handed.
 */
final class CountedBulkMailer implements BulkMailer {

	private final BulkMailer mailer;

	private final Counter sent;

	CountedBulkMailer(BulkMailer mailer, Counter sent) {
		this.mailer = mailer;
		this.sent = sent;
	}

	@Override
	public BulkConnection connect() throws DeliveryFailure {
		BulkConnection connection = mailer.connect();
		return new BulkConnection() {

			@Override
			public void send(BulkMessage message) throws DeliveryFailure {
				connection.send(message);
				sent.increment();
			}

			@Override
			public void close() {
				connection.close();
			}

		};
	}

	@Override
	public String transportName() {
		return mailer.transportName();
	}

}
