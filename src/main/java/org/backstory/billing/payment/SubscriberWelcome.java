package org.backstory.billing.payment;

import org.backstory.billing.SubscriptionChanged;
import org.backstory.members.WelcomeMails;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Welcomes a member whose subscription starts: a first payment, a trial or a redeemed
 * gift, not a comp (staff's gesture, not the member's choice), and never a renewal or a
 * plan change, which start nothing. The members module sends it once per member.
 */
@Component
class SubscriberWelcome {

	private final WelcomeMails welcomes;

	SubscriberWelcome(WelcomeMails welcomes) {
		this.welcomes = welcomes;
	}

	@EventListener
	void on(SubscriptionChanged changed) {
		if (changed.change() == SubscriptionChanged.Change.STARTED && !"comp".equals(changed.kind())) {
			welcomes.afterSubscribing(changed.memberId());
		}
	}

}
