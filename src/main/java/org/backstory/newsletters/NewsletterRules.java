package org.backstory.newsletters;

import java.util.ArrayList;
import java.util.List;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.jspecify.annotations.Nullable;

/** What makes newsletter settings acceptable. */
final class NewsletterRules {

	private NewsletterRules() {
	}

	static List<String> problems(NewsletterSettings settings) {
		List<String> problems = new ArrayList<>();
		if (!settings.slug().matches("[a-z0-9]+(-[a-z0-9]+)*") || settings.slug().length() > 100) {
			problems
				.add("The slug must be lowercase letters and digits joined by single hyphens, at most 100 characters.");
		}
		if (settings.name().isBlank() || settings.name().length() > 100) {
			problems.add("The name must be 1 to 100 characters.");
		}
		if (settings.description().length() > 500) {
			problems.add("The description must be at most 500 characters.");
		}
		if (settings.senderName().isBlank() || settings.senderName().length() > 100
				|| hasLineBreak(settings.senderName())) {
			problems.add("The sender name must be one line of 1 to 100 characters.");
		}
		if (!isAddress(settings.senderAddress())) {
			problems.add("The sender address must be an email address, like news@example.com.");
		}
		if (settings.replyTo() != null && !isAddress(settings.replyTo())) {
			problems.add("The reply-to address must be an email address, or empty.");
		}
		return problems;
	}

	/** Whether {@code address} is one plain mailbox address that SMTP will take. */
	static boolean isAddress(@Nullable String address) {
		if (address == null || address.length() < 3 || address.length() > 254 || hasLineBreak(address)) {
			return false;
		}
		try {
			InternetAddress parsed = new InternetAddress(address, true);
			parsed.validate();
			return parsed.getPersonal() == null && parsed.getAddress().equals(address) && address.indexOf('@') > 0;
		}
		catch (AddressException ex) {
			return false;
		}
	}

	private static boolean hasLineBreak(String value) {
		return value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0;
	}

}
