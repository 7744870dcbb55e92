package org.backstory.members.account;

import org.backstory.shared.BackstoryProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Once the app is ready (after the demo seeder has run, so a demo publication has its
 * owner), makes sure the publication has an owner or a way to create one, and prints the
 * setup link when it issued one.
 */
@Component
class FirstStart {

	private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

	private final OwnerSetup setup;

	private final BackstoryProperties site;

	FirstStart(OwnerSetup setup, BackstoryProperties site) {
		this.setup = setup;
		this.site = site;
	}

	@EventListener(ApplicationReadyEvent.class)
	void ready() {
		// The one token that is logged, on purpose: the log is how the operator, and only
		// the operator, gets it.
		setup.atStart()
			.map(token -> site.link(OwnerSetup.PATH + "?token=" + token))
			.ifPresent(link -> log
				.warn("""
						This publication has no owner yet. Open this link within 24 hours to create the owner's account \
						(it works once; every start without an owner prints a new one and the older links stop working):
						  {}
						Or set BACKSTORY_OWNER_EMAIL and restart to have a link to choose the owner's password mailed instead.""",
						link));
	}

}
