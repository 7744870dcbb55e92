package org.backstory.billing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.backstory.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The plans readers can subscribe to. */
@Service
public class PlanCatalog {

	private static final String COLUMNS = """
			id, code, name, tier, description, currency, monthly_price, yearly_price, trial_days, active, display_order
			""";

	private final JdbcClient jdbc;

	private final Clock clock;

	PlanCatalog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
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
		jdbc.sql("""
				insert into billing.plan (code, name, tier, description, currency, monthly_price, yearly_price,
				                          display_order, trial_days, created_at)
				values (:code, :name, :tier, :description, :currency, :monthly, :yearly, :order, :trialDays, :now)
				on conflict (code) do nothing
				""")
			.param("code", plan.code())
			.param("name", plan.name())
			.param("tier", plan.tier())
			.param("description", plan.description())
			.param("currency", plan.currency())
			.param("monthly", plan.monthlyPrice())
			.param("yearly", plan.yearlyPrice())
			.param("order", plan.displayOrder())
			.param("trialDays", plan.trialDays())
			.param("now", Timestamps.of(clock.instant()))
			.update();
		Plan stored = find(plan.code()).orElseThrow().plan();
		if (!sameDetails(stored, plan)) {
			throw new IllegalStateException(
					"a plan with code '" + plan.code() + "' already exists with different details");
		}
		return stored;
	}

	/** The plans new readers may subscribe to, in display order. */
	public List<Plan> activePlans() {
		return jdbc.sql("select " + COLUMNS + " from billing.plan where active order by display_order, id")
			.query((rs, row) -> stored(rs).plan())
			.list();
	}

	/** Every plan, archived ones included, in display order. */
	List<Plan> allPlans() {
		return jdbc.sql("select " + COLUMNS + " from billing.plan order by display_order, id")
			.query((rs, row) -> stored(rs).plan())
			.list();
	}

	/** The plan with this code if new readers may subscribe to it. */
	public Optional<Plan> activePlan(String code) {
		return find(code).map(StoredPlan::plan).filter(Plan::active);
	}

	/** Any plan with this code, active or not, with its row id. */
	public Optional<StoredPlan> find(String code) {
		return jdbc.sql("select " + COLUMNS + " from billing.plan where code = :code")
			.param("code", code)
			.query((rs, row) -> stored(rs))
			.optional();
	}

	/** Whether any plan, active or not, grants this tier. */
	boolean offersTier(String tier) {
		return jdbc.sql("select exists (select 1 from billing.plan where tier = :tier)")
			.param("tier", tier)
			.query(Boolean.class)
			.single();
	}

	/** A plan and its row id, which subscriptions refer to. */
	public record StoredPlan(long id, Plan plan) {
	}

	private static boolean sameDetails(Plan stored, NewPlan plan) {
		return stored.name().equals(plan.name()) && stored.tier().equals(plan.tier())
				&& stored.description().equals(plan.description()) && stored.currency().equals(plan.currency())
				&& stored.monthlyPrice() == plan.monthlyPrice() && stored.yearlyPrice() == plan.yearlyPrice()
				&& stored.displayOrder() == plan.displayOrder() && stored.trialDays() == plan.trialDays();
	}

	private static StoredPlan stored(ResultSet rs) throws SQLException {
		return new StoredPlan(rs.getLong("id"),
				new Plan(rs.getString("code"), rs.getString("name"), rs.getString("tier"), rs.getString("description"),
						rs.getString("currency"), rs.getLong("monthly_price"), rs.getLong("yearly_price"),
						rs.getInt("trial_days"), rs.getBoolean("active"), rs.getInt("display_order")));
	}

}
