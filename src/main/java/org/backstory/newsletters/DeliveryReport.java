package org.backstory.newsletters;

import java.util.Arrays;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * What the mail provider reported about an address, through {@code /webhooks/email}.
 *
 * @param address the address the report is about, a plain mailbox address
 * @param type what happened
 * @param detail what the provider said, for staff; at most 500 characters are kept,
 * without NUL characters
 * @param messageId the {@code Message-ID} of the message reported on, when the provider
 * gives it ({@code newsletter.<send>.<member>@…} names the message exactly); may be null
 */
public record DeliveryReport(String address, Type type, String detail, @Nullable String messageId) {

	static final int MAX_DETAIL = 500;

	/** RFC 5322's limit on a header line; a longer one is not a Message-ID. */
	static final int MAX_MESSAGE_ID = 998;

	/** A report that names no message: it is about the address's latest message. */
	public DeliveryReport(String address, Type type, String detail) {
		this(address, type, detail, null);
	}

	/**
	 * @throws IllegalArgumentException when {@code address} is not one plain mailbox
	 * address, or the message id is too long
	 */
	public DeliveryReport {
		if (!NewsletterRules.isAddress(address)) {
			throw new IllegalArgumentException("address is not an email address");
		}
		// PostgreSQL text cannot hold NUL, which JSON can escape: dropped, so the report
		// is still applied.
		detail = detail.replace("\u0000", "");
		detail = detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail;
		if (messageId != null && messageId.length() > MAX_MESSAGE_ID) {
			throw new IllegalArgumentException("message_id is longer than " + MAX_MESSAGE_ID + " characters");
		}
	}

	/** The kinds of report. */
	public enum Type {

		/** The mailbox does not exist: the address is suppressed. */
		BOUNCE("bounce"),
		/**
		 * The recipient marked a message as spam: the address is suppressed and its
		 * member opted out.
		 */
		COMPLAINT("complaint"),
		/** A temporary failure (mailbox full, server busy): noted only. */
		SOFT_BOUNCE("soft-bounce");

		private final String code;

		Type(String code) {
			this.code = code;
		}

		/** The name in the webhook's JSON, e.g. {@code soft-bounce}. */
		public String code() {
			return code;
		}

		/** The type called {@code code} in the webhook's JSON, if there is one. */
		public static Optional<Type> ofCode(String code) {
			return Arrays.stream(values()).filter(type -> type.code.equals(code)).findFirst();
		}

	}

}
