package org.backstory.members.account;

import java.util.ArrayList;
import java.util.List;

import org.backstory.members.account.SignInThrottle.Subject;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Limits requests that make the app send mail (sign-in links, password resets,
 * verification, sign-ups), so nobody can use the site to flood a mailbox. Every request
 * counts, whether or not the address has an account, so the limit reveals nothing about
 * which addresses do.
 */
@Component
public class MailRequestLimit {

	private final SignInThrottle throttle;

	MailRequestLimit(SignInThrottle throttle) {
		this.throttle = throttle;
	}

	/**
	 * Counts a request for {@code email} (null for none) from {@code ip}; false when over
	 * the limit.
	 */
	public boolean allow(@Nullable String email, String ip) {
		List<Subject> subjects = new ArrayList<>();
		subjects.add(new Subject(ThrottleRule.MAIL_IP, ip));
		if (email != null) {
			subjects.add(new Subject(ThrottleRule.MAIL_EMAIL, email));
		}
		return throttle.reserve(subjects).allowed();
	}

	/**
	 * Counts a mail to {@code email} that the app sends on its own initiative (the
	 * lock-out notice), against the address only; false when over the limit.
	 */
	boolean allowTo(String email) {
		return throttle.reserve(List.of(new Subject(ThrottleRule.MAIL_EMAIL, email))).allowed();
	}

}
