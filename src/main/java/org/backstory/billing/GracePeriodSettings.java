package org.backstory.billing;

import java.time.Duration;
import java.util.function.LongSupplier;

import org.backstory.shared.RecentValue;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The grace period: how long a past-due member keeps access after a failed renewal. Staff
 * set it in the admin; until they do, {@code BACKSTORY_GRACE_PERIOD} applies. Every node
 * sees a change within {@link RecentValue#MAX_AGE}.
 */
@Service
public class GracePeriodSettings {

	/** The longest grace period the settings page accepts. */
	public static final Duration MAX = Duration.ofDays(60);

	private final BillingSettingsRepository settings;

	private final Duration defaultGracePeriod;

	private final RecentValue<Duration> gracePeriod;

	@Autowired
	GracePeriodSettings(BillingSettingsRepository settings, BillingProperties properties) {
		this(settings, properties, System::nanoTime);
	}

	GracePeriodSettings(BillingSettingsRepository settings, BillingProperties properties, LongSupplier ticker) {
		this.settings = settings;
		this.defaultGracePeriod = properties.gracePeriod();
		this.gracePeriod = new RecentValue<>(this::load, ticker);
	}

	/** The grace period in force. */
	public Duration gracePeriod() {
		return gracePeriod.get();
	}

	/** The grace period from the environment, used until staff set one. */
	public Duration defaultGracePeriod() {
		return defaultGracePeriod;
	}

	/**
	 * Sets the grace period for every node.
	 * @throws IllegalArgumentException when it is negative or longer than {@link #MAX}
	 */
	@Transactional
	public void change(Duration gracePeriod) {
		if (gracePeriod.isNegative() || gracePeriod.compareTo(MAX) > 0) {
			throw new IllegalArgumentException("The grace period must be 0 to " + MAX.toDays() + " days.");
		}
		settings.saveGracePeriodSeconds(gracePeriod.toSeconds());
		this.gracePeriod.forget();
	}

	private Duration load() {
		return settings.gracePeriodSeconds().map(Duration::ofSeconds).orElse(defaultGracePeriod);
	}

}
