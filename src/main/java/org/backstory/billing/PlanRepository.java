package org.backstory.billing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.backstory.billing.PlanCatalog.StoredPlan;
import org.backstory.shared.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The plan rows: the catalog readers subscribe from, archived plans included. */
@Repository
class PlanRepository {

	private static final String COLUMNS = """
			id, code, name, tier, description, currency, monthly_price, yearly_price, trial_days, active, display_order,
			included_seats, seat_monthly_price, seat_yearly_price
			""";

	private final JdbcClient jdbc;

	PlanRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Adds the plan unless a plan with its code exists. */
	void insertUnlessCodeTaken(NewPlan plan, Instant now) {
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
			.param("now", Timestamps.of(now))
			.update();
	}

	/** The active plans, in display order. */
	List<Plan> active() {
		return jdbc.sql("select " + COLUMNS + " from billing.plan where active order by display_order, id")
			.query((rs, row) -> stored(rs).plan())
			.list();
	}

	/** Every plan, archived ones included, in display order. */
	List<Plan> all() {
		return jdbc.sql("select " + COLUMNS + " from billing.plan order by display_order, id")
			.query((rs, row) -> stored(rs).plan())
			.list();
	}

	Optional<StoredPlan> find(String code) {
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

	void updatePrices(long id, long monthlyPrice, long yearlyPrice) {
		jdbc.sql("update billing.plan set monthly_price = :monthly, yearly_price = :yearly where id = :id")
			.param("monthly", monthlyPrice)
			.param("yearly", yearlyPrice)
			.param("id", id)
			.update();
	}

	/**
	 * How many gift links a subscriber to the plan may make a month, if there is such a
	 * plan.
	 */
	Optional<Integer> giftLinksPerMonth(String code) {
		return jdbc.sql("select gift_links_per_month from billing.plan where code = :code")
			.param("code", code)
			.query(Integer.class)
			.optional();
	}

	/** Every plan's monthly gift links, by plan code. */
	Map<String, Integer> giftLinksPerMonthByCode() {
		Map<String, Integer> byCode = new HashMap<>();
		jdbc.sql("select code, gift_links_per_month from billing.plan").query(rs -> {
			byCode.put(rs.getString("code"), rs.getInt("gift_links_per_month"));
		});
		return byCode;
	}

	void updateGiftLinksPerMonth(long id, int giftLinksPerMonth) {
		jdbc.sql("update billing.plan set gift_links_per_month = :gifts where id = :id")
			.param("gifts", giftLinksPerMonth)
			.param("id", id)
			.update();
	}

	/** Archives the plan; false if there is no active plan with this code. */
	boolean archive(String code) {
		return jdbc.sql("update billing.plan set active = false where code = :code and active")
			.param("code", code)
			.update() == 1;
	}

	/** Sets the plan's switch and creation time, as an export had them. */
	void restoreState(String code, boolean active, Instant createdAt) {
		jdbc.sql("update billing.plan set active = ?, created_at = ? where code = ?")
			.params(active, Timestamps.of(createdAt), code)
			.update();
	}

	/** The seat terms of every group plan, by plan code. */
	Map<String, GroupTerms> groupTerms() {
		Map<String, GroupTerms> terms = new HashMap<>();
		jdbc.sql("select " + COLUMNS + " from billing.plan where included_seats is not null")
			.query((rs, row) -> stored(rs))
			.list()
			.forEach(plan -> terms.put(plan.plan().code(), Objects.requireNonNull(plan.group())));
		return terms;
	}

	/** Makes the plan a group plan with these terms, or (null) an ordinary plan again. */
	void updateGroupTerms(long id, @Nullable GroupTerms terms) {
		jdbc.sql("""
				update billing.plan set included_seats = :included, seat_monthly_price = :monthly,
				    seat_yearly_price = :yearly
				where id = :id
				""")
			.param("included", terms == null ? null : terms.includedSeats())
			.param("monthly", terms == null ? null : terms.monthlySeatPrice())
			.param("yearly", terms == null ? null : terms.yearlySeatPrice())
			.param("id", id)
			.update();
	}

	private static StoredPlan stored(ResultSet rs) throws SQLException {
		int includedSeats = rs.getInt("included_seats");
		GroupTerms group = rs.wasNull() ? null
				: new GroupTerms(includedSeats, rs.getLong("seat_monthly_price"), rs.getLong("seat_yearly_price"));
		return new StoredPlan(rs.getLong("id"),
				new Plan(rs.getString("code"), rs.getString("name"), rs.getString("tier"), rs.getString("description"),
						rs.getString("currency"), rs.getLong("monthly_price"), rs.getLong("yearly_price"),
						rs.getInt("trial_days"), rs.getBoolean("active"), rs.getInt("display_order")),
				group, null);
	}

}
