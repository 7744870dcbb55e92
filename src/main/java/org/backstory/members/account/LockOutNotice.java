package org.backstory.members.account;

import org.backstory.members.account.SignInThrottle.Subject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * When password sign-in for an address is locked (anyone can lock a known address by
 * guessing), the address is mailed a sign-in link, so its owner still gets in: once per
 * lock-out, within the mail limit for the address, and only if the address has an
 * account, which the caller is never told.
 */
@Component
public class LockOutNotice {

	private static final Logger log = LoggerFactory.getLogger(LockOutNotice.class);

	private final SignInThrottle throttle;

	private final MailRequestLimit mailLimit;

	private final LinkSignIn links;

	LockOutNotice(SignInThrottle throttle, MailRequestLimit mailLimit, LinkSignIn links) {
		this.throttle = throttle;
		this.mailLimit = mailLimit;
		this.links = links;
	}

	/**
	 * Mails {@code email} a sign-in link if this is the first refusal of its current
	 * lock-out.
	 */
	public void addressLocked(String email) {
		if (throttle.claimLockNotice(new Subject(ThrottleRule.LOGIN_EMAIL, email)) && mailLimit.allowTo(email)) {
			log.info("Sign-in link offered for a locked address");
			links.request(email, null);
		}
	}

}
