package org.backstory.access;

import java.util.function.LongSupplier;

import org.backstory.shared.RecentValue;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The metering setting: how many paid articles a free member may read per calendar month.
 * Staff set it in the admin; until they do, {@code BACKSTORY_METERED_READS} applies.
 * Every node sees a change within {@link RecentValue#MAX_AGE}.
 */
@Service
public class MeteringSettings {

	/** The highest allowance the settings page accepts. */
	public static final int MAX_FREE_READS = 1000;

	private final JdbcClient jdbc;

	private final int defaultFreeReads;

	private final RecentValue<Integer> freeReads;

	@Autowired
	MeteringSettings(JdbcClient jdbc, AccessProperties properties) {
		this(jdbc, properties, System::nanoTime);
	}

	MeteringSettings(JdbcClient jdbc, AccessProperties properties, LongSupplier ticker) {
		this.jdbc = jdbc;
		this.defaultFreeReads = properties.meteredReads();
		this.freeReads = new RecentValue<>(this::load, ticker);
	}

	/** Paid articles a free member may read per month; 0 means metering is off. */
	public int freeReadsPerMonth() {
		return freeReads.get();
	}

	/** The allowance from the environment, used until staff set one. */
	public int defaultFreeReadsPerMonth() {
		return defaultFreeReads;
	}

	/**
	 * Sets the allowance for every node.
	 * @throws IllegalArgumentException when it is below 0 or above
	 * {@link #MAX_FREE_READS}
	 */
	@Transactional
	public void change(int freeReadsPerMonth) {
		if (freeReadsPerMonth < 0 || freeReadsPerMonth > MAX_FREE_READS) {
			throw new IllegalArgumentException("Free reads per month must be 0 to " + MAX_FREE_READS + ".");
		}
		jdbc.sql("update access.settings set metered_reads = :reads, updated_at = now()")
			.param("reads", freeReadsPerMonth)
			.update();
		freeReads.forget();
	}

	private int load() {
		@Nullable Integer stored = jdbc.sql("select metered_reads from access.settings")
			.query((rs, row) -> (Integer) rs.getObject(1))
			.optional()
			.orElse(null);
		return stored == null ? defaultFreeReads : stored;
	}

}
