package org.backstory.newsletters;

import java.util.List;

import org.backstory.members.SignupOptIn;
import org.backstory.members.SignupOptIns;
import org.springframework.stereotype.Component;

/** Offers every newsletter on the sign-up form, ticked when it is on by default. */
@Component
class NewsletterSignupOptIns implements SignupOptIns {

	private final NewsletterRepository newsletters;

	NewsletterSignupOptIns(NewsletterRepository newsletters) {
		this.newsletters = newsletters;
	}

	/**
	 * A newsletter's sign-up key: its id, which stays put when staff rename it or change
	 * its slug.
	 */
	static String key(Newsletter newsletter) {
		return "newsletter-" + newsletter.id();
	}

	@Override
	public List<SignupOptIn> offered() {
		return newsletters.all()
			.stream()
			.map(n -> new SignupOptIn(key(n), n.name(), n.description(), n.defaultOn()))
			.toList();
	}

}
