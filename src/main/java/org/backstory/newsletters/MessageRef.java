package org.backstory.newsletters;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The recipient row a newsletter message's {@code Message-ID} names:
 * {@code newsletter.<send>.<member>@<sender's domain>}, the same for every attempt at one
 * recipient of one send. A delivery report that quotes it is attributed to exactly that
 * message.
 */
record MessageRef(long sendId, long memberId) {

	private static final Pattern ID = Pattern
		.compile("<?newsletter\\.([1-9][0-9]{0,17})\\.([1-9][0-9]{0,17})@[^<>\\s]+>?");

	/** The Message-ID (without angle brackets) of this message from this sender. */
	String messageId(String senderAddress) {
		return "newsletter." + sendId + "." + memberId + senderAddress.substring(senderAddress.lastIndexOf('@'));
	}

	/** The message a Message-ID names, if it is one of ours. */
	static Optional<MessageRef> of(@Nullable String messageId) {
		if (messageId == null) {
			return Optional.empty();
		}
		Matcher matcher = ID.matcher(messageId.strip());
		return matcher.matches()
				? Optional.of(new MessageRef(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2))))
				: Optional.empty();
	}

}
