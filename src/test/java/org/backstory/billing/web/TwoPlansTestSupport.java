package org.backstory.billing.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.backstory.billing.BillingFixtures;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.checkout.CheckoutService;
import org.backstory.billing.web.Readers.Reader;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberRole;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the account page and receipt tests start from: two plans to subscribe to and move
 * between, and a signed-in reader with no subscription yet.
 */
abstract class TwoPlansTestSupport {

	/** Dates as the account pages write them. */
	static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory directory;

	@Autowired
	PlanCatalog catalog;

	@Autowired
	CheckoutService checkouts;

	/** $5 a month, $50 a year. */
	Plan supporter;

	/** $10 a month, $100 a year. */
	Plan patron;

	Reader reader;

	@BeforeEach
	void twoPlansAndAReader() {
		supporter = catalog.createPlan(BillingFixtures.newPlan());
		patron = catalog.createPlan(BillingFixtures.newPatronPlan());
		reader = Readers.signedIn(port, directory, MemberRole.MEMBER);
	}

}
