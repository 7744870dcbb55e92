package org.backstory.billing;

import org.backstory.members.MemberDirectory;
import org.backstory.publishing.SettableClock;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the billing tests that move the clock through renewals share: members, plans,
 * checkouts, the renewal run and the settable clock (subclasses import
 * {@code SettableClock.Configuration} and name their own database), and the real time
 * again after each test.
 */
abstract class BillingClockTestSupport {

	@Autowired
	RenewalRun run;

	@Autowired
	CheckoutService checkouts;

	@Autowired
	PlanCatalog catalog;

	@Autowired
	MemberDirectory members;

	@Autowired
	SettableClock clock;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void realTime() {
		clock.reset();
	}

}
