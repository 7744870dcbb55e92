package org.backstory.billing;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.backstory.billing.subscription.EntitlementCache;
import org.backstory.shared.StaffActions;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The owner's changes to the plan catalog: new plans, new prices, archiving. Each one is
 * recorded in the audit log in the same transaction.
 * <p>
 * A new price applies to new subscribers only: a subscription keeps the price it was
 * bought at, renewals included (as Stripe and Ghost do), so a price change never
 * surprises an existing subscriber. The subscribe page reads the catalog without a cache
 * and shows a new price at once.
 */
@Service
public class PlanAdministration {

	private final PlanRepository plans;

	private final PlanCatalog catalog;

	private final StaffActions staffActions;

	private final EntitlementCache cache;

	PlanAdministration(PlanRepository plans, PlanCatalog catalog, StaffActions staffActions, EntitlementCache cache) {
		this.plans = plans;
		this.catalog = catalog;
		this.staffActions = staffActions;
		this.cache = cache;
	}

	/** Every plan, archived ones included, in display order. */
	public List<Plan> plans() {
		return catalog.allPlans();
	}

	/** The plan with this code, archived or not. */
	public Optional<Plan> plan(String code) {
		return catalog.find(code).map(PlanCatalog.StoredPlan::plan);
	}

	/** Adds a plan; empty when a plan with its code exists already. */
	@Transactional
	public Optional<Plan> create(NewPlan plan, long actorId) {
		if (catalog.find(plan.code()).isPresent()) {
			return Optional.empty();
		}
		Plan created = catalog.createPlan(plan);
		staffActions.record(actorId, "plan.created", plan.code(),
				plan.name() + ": " + Money.format(plan.monthlyPrice(), plan.currency()) + " a month, "
						+ Money.format(plan.yearlyPrice(), plan.currency()) + " a year");
		return Optional.of(created);
	}

	/**
	 * Sets a plan's prices for new subscribers; existing subscriptions keep theirs.
	 * @return false when there is no plan with this code
	 * @throws IllegalArgumentException when a price is not above zero
	 */
	@Transactional
	public boolean changePrices(String code, long monthlyPrice, long yearlyPrice, long actorId) {
		if (monthlyPrice <= 0 || yearlyPrice <= 0) {
			throw new IllegalArgumentException("Prices must be above zero.");
		}
		Optional<PlanCatalog.StoredPlan> found = catalog.find(code);
		if (found.isEmpty()) {
			return false;
		}
		Plan old = found.get().plan();
		plans.updatePrices(found.get().id(), monthlyPrice, yearlyPrice);
		if (old.monthlyPrice() != monthlyPrice || old.yearlyPrice() != yearlyPrice) {
			staffActions.record(actorId, "plan.price-changed", code,
					"monthly " + Money.format(old.monthlyPrice(), old.currency()) + " → "
							+ Money.format(monthlyPrice, old.currency()) + ", yearly "
							+ Money.format(old.yearlyPrice(), old.currency()) + " → "
							+ Money.format(yearlyPrice, old.currency()));
		}
		return true;
	}

	/** Every plan's monthly gift links (issue 16 §2), by plan code. */
	public Map<String, Integer> giftLinksPerMonth() {
		return plans.giftLinksPerMonthByCode();
	}

	/**
	 * Sets how many articles a subscriber to the plan may gift a calendar month, from the
	 * next link they make.
	 * @return false when there is no plan with this code
	 * @throws IllegalArgumentException unless the number is 0 to
	 * {@value GiftLinkAllowances#MOST}
	 */
	@Transactional
	public boolean changeGiftLinksPerMonth(String code, int giftLinksPerMonth, long actorId) {
		if (giftLinksPerMonth < 0 || giftLinksPerMonth > GiftLinkAllowances.MOST) {
			throw new IllegalArgumentException(
					"Gift links a month must be a whole number from 0 to " + GiftLinkAllowances.MOST + ".");
		}
		Optional<PlanCatalog.StoredPlan> found = catalog.find(code);
		if (found.isEmpty()) {
			return false;
		}
		int old = plans.giftLinksPerMonth(code).orElse(GiftLinkAllowances.DEFAULT);
		plans.updateGiftLinksPerMonth(found.get().id(), giftLinksPerMonth);
		cache.invalidate();
		if (old != giftLinksPerMonth) {
			staffActions.record(actorId, "plan.gift-links-changed", code,
					"gift links a month " + old + " → " + giftLinksPerMonth);
		}
		return true;
	}

	/**
	 * Makes a plan a group plan with these seat terms, or (null) an ordinary plan again,
	 * for new subscribers; running group subscriptions keep their seats and price.
	 * @return false when there is no plan with this code
	 */
	@Transactional
	public boolean changeGroupTerms(String code, @Nullable GroupTerms terms, long actorId) {
		Optional<PlanCatalog.StoredPlan> found = catalog.find(code);
		if (found.isEmpty()) {
			return false;
		}
		plans.updateGroupTerms(found.get().id(), terms);
		String currency = found.get().plan().currency();
		staffActions.record(actorId, "plan.group-changed", code,
				terms == null ? "no longer a group plan"
						: terms.includedSeats() + " seats included, extra seat "
								+ Money.format(terms.monthlySeatPrice(), currency) + " a month, "
								+ Money.format(terms.yearlySeatPrice(), currency) + " a year");
		return true;
	}

	/** The seat terms of every group plan, by plan code. */
	public Map<String, GroupTerms> groupTerms() {
		return catalog.groupTerms();
	}

	/**
	 * Takes a plan off the subscribe page; its subscribers keep it and renew on it.
	 * @return false when there is no plan with this code
	 */
	@Transactional
	public boolean archive(String code, long actorId) {
		boolean archived = plans.archive(code);
		if (archived) {
			staffActions.record(actorId, "plan.archived", code, "no longer offered to new subscribers");
		}
		return archived || catalog.find(code).isPresent();
	}

}
