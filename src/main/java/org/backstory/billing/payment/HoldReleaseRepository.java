package org.backstory.billing.payment;

import java.time.Instant;
import java.util.List;

import org.backstory.shared.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind {@link HeldPaymentReleases}: closed holds whose charge is still to be
 * canceled at the gateway, claimed under a lease so that two runs never ask about the
 * same one at once.
 */
@Repository
class HoldReleaseRepository {

	private final JdbcClient jdbc;

	HoldReleaseRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Up to {@code limit} closed holds of this gateway due for release at {@code now},
	 * each moved to {@code leaseEnd} so that another run leaves it alone meanwhile.
	 */
	List<DueRelease> claimDue(String gateway, Instant now, Instant leaseEnd, int limit) {
		return jdbc.sql("""
				update billing.payment set hold_release_due_at = :leaseEnd
				where id in (select id from billing.payment
				             where hold_release_due_at <= :now and gateway = :gateway
				             order by hold_release_due_at, id limit :limit for update skip locked)
				returning id, gateway_charge_id, hold_release_attempts
				""")
			.param("leaseEnd", Timestamps.of(leaseEnd))
			.param("now", Timestamps.of(now))
			.param("gateway", gateway)
			.param("limit", limit)
			.query((rs, row) -> new DueRelease(rs.getLong("id"), rs.getString("gateway_charge_id"),
					rs.getInt("hold_release_attempts") + 1))
			.list();
	}

	/** Records the gateway's answer: nothing more is asked about this hold. */
	void settle(DueRelease release, String outcome, Instant now) {
		jdbc.sql("""
				update billing.payment
				set hold_release_due_at = null, hold_release_attempts = :attempt, hold_release_outcome = :outcome,
				    hold_released_at = :now
				where id = :id
				""")
			.param("attempt", release.attempt())
			.param("outcome", outcome)
			.param("now", Timestamps.of(now))
			.param("id", release.paymentId())
			.update();
	}

	/**
	 * Records a try that got no answer: asked again at {@code nextTry}, or never when it
	 * is null (the outcome is then {@code gave_up}).
	 */
	void unanswered(DueRelease release, @Nullable Instant nextTry) {
		jdbc.sql("""
				update billing.payment
				set hold_release_due_at = :next, hold_release_attempts = :attempt,
				    hold_release_outcome = case when cast(:next as timestamptz) is null then 'gave_up' end
				where id = :id
				""")
			.param("next", Timestamps.of(nextTry))
			.param("attempt", release.attempt())
			.param("id", release.paymentId())
			.update();
	}

	/**
	 * A closed hold to cancel at the gateway.
	 *
	 * @param attempt this try's number, from 1
	 */
	record DueRelease(long paymentId, String chargeId, int attempt) {
	}

}
