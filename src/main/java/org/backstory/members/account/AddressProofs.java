package org.backstory.members.account;

import java.time.Clock;

import org.backstory.members.AddressVerified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The one place an emailed link proves a member's address (sign-in link, sign-up
 * confirmation, password reset, staff invite). Until the first proof anyone could have
 * created the account with that address and chosen its password, so the first proof
 * clears the password and ends every other session ({@link AddressProven}): whoever
 * signed up first keeps nothing.
 */
@Component
class AddressProofs {

	private static final Logger log = LoggerFactory.getLogger(AddressProofs.class);

	private final MemberRepository members;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	AddressProofs(MemberRepository members, ApplicationEventPublisher events, Clock clock) {
		this.members = members;
		this.events = events;
		this.clock = clock;
	}

	/** Records that the member's address is proven, in the caller's transaction. */
	void proven(long memberId) {
		if (members.proveAddress(memberId, clock.instant())) {
			events.publishEvent(new AddressProven(memberId));
			members.findById(memberId)
				.ifPresent(member -> events.publishEvent(new AddressVerified(memberId, member.email())));
			log.info("Address proven for the first time memberId={}", memberId);
		}
	}

}
