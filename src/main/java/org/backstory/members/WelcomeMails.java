package org.backstory.members;

import org.backstory.members.account.AddressProven;
import org.backstory.members.welcome.WelcomeKind;
import org.backstory.members.welcome.Welcomes;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The welcome mails, each sent at most once per member, in the caller's transaction: one
 * when a reader first proves their address (the sign-up confirmation, or the first
 * emailed link of an account made without one), one when their first subscription starts.
 * Staff edit the words at {@code /admin/settings/welcome}.
 */
@Service
public class WelcomeMails {

	private final Welcomes welcomes;

	WelcomeMails(Welcomes welcomes) {
		this.welcomes = welcomes;
	}

	/** Welcomes a subscriber; billing calls it when a member's subscription starts. */
	public void afterSubscribing(long memberId) {
		welcomes.welcome(memberId, WelcomeKind.SUBSCRIBER);
	}

	@EventListener
	void on(AddressProven proven) {
		welcomes.welcome(proven.memberId(), WelcomeKind.SIGNUP);
	}

}
