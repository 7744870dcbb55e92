package org.backstory.billing;

import org.backstory.billing.checkout.CheckoutService;
import org.backstory.billing.renewal.RenewalRun;
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
public abstract class BillingClockTestSupport {

	@Autowired
	protected RenewalRun run;

	@Autowired
	protected CheckoutService checkouts;

	@Autowired
	protected PlanCatalog catalog;

	@Autowired
	protected MemberDirectory members;

	@Autowired
	protected SettableClock clock;

	@Autowired
	protected JdbcClient jdbc;

	@AfterEach
	protected void realTime() {
		clock.reset();
	}

}
