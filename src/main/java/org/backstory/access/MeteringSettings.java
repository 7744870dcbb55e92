package org.backstory.access;

import java.util.function.LongSupplier;

import org.backstory.shared.RecentValue;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The metering settings: how many paid articles a free member may read per calendar
 * month, and how many a reader who is not signed in may (the anonymous meter, off until
 * staff turn it on). Staff set them in the admin; until they set the first,
 * {@code BACKSTORY_METERED_READS} applies. Every node sees a change within
 * {@link RecentValue#MAX_AGE}.
 */
@Service
public class MeteringSettings {

	/** The highest allowance the settings page accepts. */
	public static final int MAX_FREE_READS = 1000;

	/**
	 * The highest anonymous allowance: each article read is an id in the reader's cookie,
	 * which must stay well under a browser's 4 KB.
	 */
	public static final int MAX_ANONYMOUS_READS = 100;

	private final JdbcClient jdbc;

	private final int defaultFreeReads;

	private final RecentValue<Integer> freeReads;

	private final RecentValue<Integer> anonymousReads;

	@Autowired
	MeteringSettings(JdbcClient jdbc, AccessProperties properties) {
		this(jdbc, properties, System::nanoTime);
	}

	MeteringSettings(JdbcClient jdbc, AccessProperties properties, LongSupplier ticker) {
		this.jdbc = jdbc;
		this.defaultFreeReads = properties.meteredReads();
		this.freeReads = new RecentValue<>(this::load, ticker);
		this.anonymousReads = new RecentValue<>(this::loadAnonymous, ticker);
	}

	/** Paid articles a free member may read per month; 0 means metering is off. */
	public int freeReadsPerMonth() {
		return freeReads.get();
	}

	/**
	 * Paid articles a reader who is not signed in may read per month, counted in a signed
	 * cookie; 0 (the default) means the anonymous meter is off.
	 */
	public int anonymousReadsPerMonth() {
		return anonymousReads.get();
	}

	/**
	 * Sets the anonymous allowance for every node.
	 * @throws IllegalArgumentException when it is below 0 or above
	 * {@link #MAX_ANONYMOUS_READS}
	 */
	@Transactional
	public void changeAnonymous(int anonymousReadsPerMonth) {
		if (anonymousReadsPerMonth < 0 || anonymousReadsPerMonth > MAX_ANONYMOUS_READS) {
			throw new IllegalArgumentException(
					"Free articles for readers who are not signed in must be 0 to " + MAX_ANONYMOUS_READS + ".");
		}
		jdbc.sql("update access.settings set anonymous_reads = :reads, updated_at = now()")
			.param("reads", anonymousReadsPerMonth)
			.update();
		anonymousReads.forget();
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

	private int loadAnonymous() {
		return jdbc.sql("select anonymous_reads from access.settings").query(Integer.class).optional().orElse(0);
	}

}
