package org.backstory.email;

/** Where a message goes when it is delivered: an SMTP server or the dev outbox. */
interface MailTransport {

	/** Hands the message over; throws when it could not be, so delivery retries later. */
	void deliver(OutgoingMail mail) throws Exception;

	/** A short name for logs and health: {@code smtp} or {@code outbox}. */
	String name();

}
