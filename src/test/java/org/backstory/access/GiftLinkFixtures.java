package org.backstory.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.backstory.billing.BillingFixtures;
import org.backstory.billing.BillingInterval;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.SandboxCards;
import org.backstory.billing.checkout.Checkout;
import org.backstory.billing.checkout.CheckoutOutcome;
import org.backstory.billing.checkout.CheckoutService;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberRole;
import org.backstory.members.NewAccount;

/**
 * Subscribers for gift link tests: each a new member named Gina Giver, subscribed by card
 * to a new plan of their own, so their monthly gifts never meet another test's.
 */
final class GiftLinkFixtures {

	static final String PASSWORD = "gift-link-password";

	private final MemberDirectory members;

	private final PlanCatalog plans;

	private final CheckoutService checkouts;

	GiftLinkFixtures(MemberDirectory members, PlanCatalog plans, CheckoutService checkouts) {
		this.members = members;
		this.plans = plans;
		this.checkouts = checkouts;
	}

	/** A subscriber's sign-in address and their plan's code. */
	record Subscriber(String email, String planCode) {
	}

	/**
	 * A new subscriber (password {@link #PASSWORD}) on a new plan that allows 5 gifts a
	 * month.
	 */
	Subscriber subscriber() {
		Plan plan = plans.createPlan(BillingFixtures.newPlan());
		String email = "gifter" + ThreadLocalRandom.current().nextLong(1L << 40) + "@example.test";
		long id = members.createAccount(new NewAccount(email, "Gina Giver", PASSWORD, MemberRole.MEMBER, true));
		CheckoutOutcome outcome = checkouts.checkout(new Checkout(id, email, plan.code(), BillingInterval.MONTH,
				UUID.randomUUID(), BillingFixtures.card(SandboxCards.SUCCEEDS)));
		assertThat(outcome).isInstanceOf(CheckoutOutcome.Subscribed.class);
		return new Subscriber(email, plan.code());
	}

}
