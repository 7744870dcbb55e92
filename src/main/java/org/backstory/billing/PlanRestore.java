package org.backstory.billing;

import java.time.Instant;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Restores a plan from Backstory's own export: the catalog's ordinary
 * {@link PlanCatalog#createPlan} (so an existing plan with the same code and details is
 * kept, and one with other details refuses), then the plan's switch and creation time as
 * exported, so a re-export is the same file.
 */
@Component
public class PlanRestore {

	private final PlanCatalog catalog;

	private final PlanRepository plans;

	PlanRestore(PlanCatalog catalog, PlanRepository plans) {
		this.catalog = catalog;
		this.plans = plans;
	}

	/**
	 * @throws IllegalStateException when a plan with that code exists here with other
	 * details
	 */
	@Transactional
	public void restore(NewPlan plan, boolean active, Instant createdAt) {
		catalog.createPlan(plan);
		plans.restoreState(plan.code(), active, createdAt);
	}

}
