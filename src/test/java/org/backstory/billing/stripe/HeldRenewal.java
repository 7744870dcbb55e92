package org.backstory.billing.stripe;

import static org.backstory.billing.stripe.StripeStandIn.id;

import java.time.Duration;
import java.time.Instant;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.backstory.billing.BillingFixtures;
import org.backstory.billing.BillingInterval;
import org.backstory.billing.ImportedSubscription;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.SubscriptionService;
import org.backstory.billing.SubscriptionStatus;
import org.backstory.billing.card.CardService;
import org.backstory.billing.payment.StoredCard;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.backstory.members.NewAccount;

/**
 * A member (signing in with {@link MemberFixtures#PASSWORD}) whose $5 monthly renewal
 * Stripe's stand-in held for authentication, as with the test card 4000 0027 6000 3184.
 */
record HeldRenewal(long member, String email, String customer, String card, String paymentIntent) {

	/**
	 * Makes one: a past-due subscription whose renewal the member's new card retries at
	 * once (for this member only, so the shared database's other due subscriptions are
	 * left alone), and Stripe holds that charge.
	 */
	static HeldRenewal make(WireMockServer stripe, PlanCatalog catalog, MemberDirectory members,
			SubscriptionService subscriptions, CardService cards) {
		Plan plan = catalog.createPlan(BillingFixtures.newPlan());
		String email = MemberFixtures.uniqueEmail("sca");
		long member = members
			.createAccount(new NewAccount(email, "Ada Reader", MemberFixtures.PASSWORD, MemberRole.MEMBER, true));
		HeldRenewal held = new HeldRenewal(member, email, id("cus"), id("pm"), id("pi"));
		StripeStandIn.heldPayment(stripe, held.paymentIntent(), 500, held.customer(), held.card());
		Instant failed = Instant.now().minus(Duration.ofHours(1));
		subscriptions.importSubscription(new ImportedSubscription(member, plan.code(), BillingInterval.MONTH,
				SubscriptionStatus.PAST_DUE, failed.minus(Duration.ofDays(30)), failed, failed, null));
		cards.fileCard(member, new StoredCard(held.customer(), held.card(), "Visa", "3184", 12, 2034));
		return held;
	}

}
