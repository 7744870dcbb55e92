package org.backstory.billing.planchange;

import java.time.Duration;
import java.time.Instant;

import org.backstory.billing.BillingInterval;
import org.backstory.billing.GroupTerms;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.SubscriptionStatus;
import org.backstory.billing.payment.Discount;
import org.backstory.billing.subscription.SubscriptionChangeRefused;
import org.backstory.billing.subscription.SubscriptionTerms;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Pricing and refusing plan changes, without a database. */
class PlanChangeStepsTests {

	private static final Instant START = Instant.parse("2027-04-01T00:00:00Z");

	private static final Instant END = Instant.parse("2027-05-01T00:00:00Z");

	private static final Instant HALF_WAY = START.plus(Duration.ofDays(15));

	private static final PlanCatalog.StoredPlan SUPPORTER = plan(1, "USD", 500, 5000);

	private static final PlanCatalog.StoredPlan PATRON = plan(2, "USD", 1000, 10000);

	private static PlanCatalog.StoredPlan plan(long id, String currency, long monthly, long yearly) {
		return new PlanCatalog.StoredPlan(id,
				new Plan("p" + id, "Plan " + id, "paid", "", currency, monthly, yearly, 0, true, 0));
	}

	private static SubscriptionTerms terms(SubscriptionStatus status) {
		return new SubscriptionTerms(7, 42, 1L, status, false, true, BillingInterval.MONTH, 500L, "USD", START, END, 0,
				Discount.NONE, null);
	}

	@Test
	void anActiveUpgradeIsProrated() {
		PlanChangeSteps.PricedChange priced = PlanChangeSteps.price(terms(SubscriptionStatus.ACTIVE), PATRON,
				BillingInterval.MONTH, HALF_WAY);

		assertThat(priced.charge().due()).isEqualTo(250);
		assertThat(priced.periodStart()).isEqualTo(START);
		assertThat(priced.periodEnd()).isEqualTo(END);
		assertThat(priced.chargedFrom()).isEqualTo(HALF_WAY);
		assertThat(priced.trial()).isFalse();
	}

	@Test
	void aTrialChangesPlanWithoutChargeAndKeepsItsEnd() {
		PlanChangeSteps.PricedChange priced = PlanChangeSteps.price(terms(SubscriptionStatus.TRIALING), PATRON,
				BillingInterval.YEAR, HALF_WAY);

		assertThat(priced.charge().due()).isZero();
		assertThat(priced.creditAdded()).isZero();
		assertThat(priced.periodEnd()).isEqualTo(END);
		assertThat(priced.trial()).isTrue();
	}

	@Test
	void theSamePlanAndIntervalIsRefusedButAnotherIntervalIsNot() {
		assertThatThrownBy(() -> PlanChangeSteps.price(terms(SubscriptionStatus.ACTIVE), SUPPORTER,
				BillingInterval.MONTH, HALF_WAY))
			.isInstanceOf(SubscriptionChangeRefused.class)
			.hasMessage("You're already on this plan.");
		assertThat(PlanChangeSteps.price(terms(SubscriptionStatus.ACTIVE), SUPPORTER, BillingInterval.YEAR, HALF_WAY)
			.charge()
			.due()).isEqualTo(5000 - 250);
	}

	@Test
	void pastDueAndCanceledSubscriptionsCannotChangePlan() {
		assertThatThrownBy(() -> PlanChangeSteps.price(terms(SubscriptionStatus.PAST_DUE), PATRON,
				BillingInterval.MONTH, HALF_WAY))
			.isInstanceOf(SubscriptionChangeRefused.class)
			.hasMessage("Update your card on file before changing your plan.");
		assertThatThrownBy(() -> PlanChangeSteps.price(terms(SubscriptionStatus.CANCELED), PATRON,
				BillingInterval.MONTH, HALF_WAY))
			.isInstanceOf(SubscriptionChangeRefused.class)
			.hasMessage("Resume your subscription before changing your plan.");
	}

	@Test
	void compsGiftsOtherCurrenciesAndDueRenewalsAreRefused() {
		SubscriptionTerms comp = new SubscriptionTerms(7, 42, null, SubscriptionStatus.ACTIVE, true, true, null, null,
				null, START, END, 0, Discount.NONE, null);
		SubscriptionTerms gift = new SubscriptionTerms(7, 42, 1L, SubscriptionStatus.ACTIVE, false, false,
				BillingInterval.MONTH, 500L, "USD", START, END, 0, Discount.NONE, null);

		assertThatThrownBy(() -> PlanChangeSteps.price(comp, PATRON, BillingInterval.MONTH, HALF_WAY))
			.hasMessageContaining("Complimentary access");
		assertThatThrownBy(() -> PlanChangeSteps.price(gift, PATRON, BillingInterval.MONTH, HALF_WAY))
			.hasMessageContaining("gift");
		assertThatThrownBy(() -> PlanChangeSteps.price(terms(SubscriptionStatus.ACTIVE), plan(3, "EUR", 500, 5000),
				BillingInterval.MONTH, HALF_WAY))
			.hasMessage("That plan is charged in another currency.");
		assertThatThrownBy(() -> PlanChangeSteps.price(terms(SubscriptionStatus.ACTIVE), PATRON, BillingInterval.MONTH,
				END.plusSeconds(1)))
			.hasMessageContaining("being renewed");
	}

	@Test
	void aGroupSubscriptionKeepsItsPlanAndOnlyTheGroupPlanOneHoldsAlreadyIsNotRefusedAsAGroupPlan() {
		SubscriptionTerms active = terms(SubscriptionStatus.ACTIVE);
		SubscriptionTerms group = new SubscriptionTerms(7, 42, 1L, SubscriptionStatus.ACTIVE, false, true,
				BillingInterval.MONTH, 1300L, "USD", START, END, 0, Discount.NONE, 5);
		GroupTerms seats = new GroupTerms(3, 400, 4000);
		PlanCatalog.StoredPlan otherGroupPlan = new PlanCatalog.StoredPlan(2, PATRON.plan(), seats, null);
		PlanCatalog.StoredPlan ownPlanMadeAGroupPlan = new PlanCatalog.StoredPlan(1, plan(1, "USD", 500, 5000).plan(),
				seats, null);

		assertThatThrownBy(() -> PlanChangeSteps.price(group, PATRON, BillingInterval.YEAR, HALF_WAY))
			.hasMessageStartingWith(
					"A group subscription can't be moved to another plan: its price covers its 5 seats");
		assertThatThrownBy(() -> PlanChangeSteps.price(active, otherGroupPlan, BillingInterval.MONTH, HALF_WAY))
			.hasMessage("A group plan is bought at checkout, with its seats.");
		assertThat(PlanChangeSteps.price(active, ownPlanMadeAGroupPlan, BillingInterval.YEAR, HALF_WAY).periodEnd())
			.as("an earlier subscriber of a plan since made a group plan still changes interval")
			.isAfter(END);
	}

	@Test
	void aRecentQuoteInThePeriodFixesTheMomentAChangeIsPricedAt() {
		SubscriptionTerms terms = terms(SubscriptionStatus.ACTIVE);
		Instant now = HALF_WAY;

		assertThat(PlanChangeSteps.pricedAt(terms, now.minus(Duration.ofMinutes(29)), now))
			.isEqualTo(now.minus(Duration.ofMinutes(29)));
		assertThat(PlanChangeSteps.pricedAt(terms, now.minus(Duration.ofMinutes(31)), now)).as("too old")
			.isEqualTo(now);
		assertThat(PlanChangeSteps.pricedAt(terms, now.plusSeconds(1), now)).as("in the future").isEqualTo(now);
		assertThat(PlanChangeSteps.pricedAt(terms, START.minusSeconds(1), START.plusSeconds(60)))
			.as("before the period")
			.isEqualTo(START.plusSeconds(60));
		assertThat(PlanChangeSteps.pricedAt(terms, null, now)).isEqualTo(now);
	}

}
