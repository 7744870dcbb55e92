package org.backstory.billing;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The plans readers can subscribe to. */
@Service
public class PlanCatalog {

	private final PlanRepository plans;

	private final Clock clock;

	PlanCatalog(PlanRepository plans, Clock clock) {
		this.plans = plans;
		this.clock = clock;
	}

	/**
	 * Adds a plan, or returns the existing one when a plan with the same code and the
	 * same details is already there, so seeding can run again safely.
	 * @throws IllegalStateException when a plan with that code exists with different
	 * details
	 */
	@Transactional
	public Plan createPlan(NewPlan plan) {
		plans.insertUnlessCodeTaken(plan, clock.instant());
		Plan stored = find(plan.code()).orElseThrow().plan();
		if (!sameDetails(stored, plan)) {
			throw new IllegalStateException(
					"a plan with code '" + plan.code() + "' already exists with different details");
		}
		return stored;
	}

	/** The plans new readers may subscribe to, in display order. */
	public List<Plan> activePlans() {
		return plans.active();
	}

	/** Every plan, archived ones included, in display order. */
	List<Plan> allPlans() {
		return plans.all();
	}

	/** The plan with this code if new readers may subscribe to it. */
	public Optional<Plan> activePlan(String code) {
		return find(code).map(StoredPlan::plan).filter(Plan::active);
	}

	/** Any plan with this code, active or not, with its row id. */
	public Optional<StoredPlan> find(String code) {
		return plans.find(code);
	}

	/** The seat terms of every group plan, by plan code. */
	public Map<String, GroupTerms> groupTerms() {
		return plans.groupTerms();
	}

	/** Whether any plan, active or not, grants this tier. */
	boolean offersTier(String tier) {
		return plans.offersTier(tier);
	}

	/**
	 * A plan and its row id, which subscriptions refer to.
	 *
	 * @param group the plan's seat terms when it is a group plan, else null
	 * @param seats the seat count a group plan is priced for ({@link #forSeats}); null
	 * for a plan as stored
	 */
	public record StoredPlan(long id, Plan plan, @Nullable GroupTerms group, @Nullable Integer seats) {

		public StoredPlan(long id, Plan plan) {
			this(id, plan, null, null);
		}

		/**
		 * The plan priced for {@code seats} seats (raised to the included ones, capped at
		 * {@link GroupTerms#MAX_SEATS}): its prices are what that group pays per period,
		 * so checkout, coupons and trials price it like any plan. A plan that is not a
		 * group plan is returned as it is.
		 */
		public StoredPlan forSeats(@Nullable Integer seats) {
			if (group == null) {
				return this;
			}
			int allowed = group.allowedSeats(seats == null ? group.includedSeats() : seats);
			return new StoredPlan(id,
					new Plan(plan.code(), plan.name(), plan.tier(), plan.description(), plan.currency(),
							group.price(plan, BillingInterval.MONTH, allowed),
							group.price(plan, BillingInterval.YEAR, allowed), plan.trialDays(), plan.active(),
							plan.displayOrder()),
					group, allowed);
		}

	}

	private static boolean sameDetails(Plan stored, NewPlan plan) {
		return stored.name().equals(plan.name()) && stored.tier().equals(plan.tier())
				&& stored.description().equals(plan.description()) && stored.currency().equals(plan.currency())
				&& stored.monthlyPrice() == plan.monthlyPrice() && stored.yearlyPrice() == plan.yearlyPrice()
				&& stored.displayOrder() == plan.displayOrder() && stored.trialDays() == plan.trialDays();
	}

}
