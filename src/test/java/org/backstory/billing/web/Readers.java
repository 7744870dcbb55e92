package org.backstory.billing.web;

import java.util.UUID;

import org.backstory.Visitor;
import org.backstory.billing.BillingFixtures;
import org.backstory.billing.BillingInterval;
import org.backstory.billing.Plan;
import org.backstory.billing.checkout.Checkout;
import org.backstory.billing.checkout.CheckoutOutcome;
import org.backstory.billing.checkout.CheckoutService;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.backstory.members.SignedInMember;

import static org.assertj.core.api.Assertions.assertThat;

/** Accounts signed in over HTTP for the billing pages' tests, each with a new address. */
final class Readers {

	private Readers() {
	}

	/** Someone with an account of {@code role}, and a visitor signed in as them. */
	record Reader(SignedInMember member, Visitor visitor) {

		long id() {
			return member.id();
		}

	}

	static Reader signedIn(int port, MemberDirectory directory, MemberRole role) {
		String email = MemberFixtures.account(directory, role.name().toLowerCase(), role);
		long id = directory.findByEmail(email).orElseThrow().id();
		Visitor visitor = new Visitor(port);
		assertThat(visitor.signIn(email, MemberFixtures.PASSWORD).status()).isEqualTo(302);
		return new Reader(new SignedInMember(id, email, "Test " + role.name().toLowerCase(), role), visitor);
	}

	/**
	 * Subscribes the member to {@code plan} monthly with a card of this number, as
	 * checkout does.
	 */
	static void subscribe(CheckoutService checkouts, SignedInMember member, Plan plan, String cardNumber) {
		CheckoutOutcome outcome = checkouts.checkout(new Checkout(member.id(), member.email(), plan.code(),
				BillingInterval.MONTH, UUID.randomUUID(), BillingFixtures.card(cardNumber)));
		assertThat(outcome).isInstanceOf(CheckoutOutcome.Subscribed.class);
	}

}
