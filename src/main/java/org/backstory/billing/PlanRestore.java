package org.backstory.billing;

import java.time.Instant;

import org.backstory.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
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

	private final JdbcClient jdbc;

	PlanRestore(PlanCatalog catalog, JdbcClient jdbc) {
		this.catalog = catalog;
		this.jdbc = jdbc;
	}

	/**
	 * @throws IllegalStateException when a plan with that code exists here with other
	 * details
	 */
	@Transactional
	public void restore(NewPlan plan, boolean active, Instant createdAt) {
		catalog.createPlan(plan);
		jdbc.sql("update billing.plan set active = ?, created_at = ? where code = ?")
			.params(active, Timestamps.of(createdAt), plan.code())
			.update();
	}

}
