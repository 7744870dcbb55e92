package org.backstory.admin.settings;

/**
 * What the settings page says beside metering and the grace period.
 *
 * @param freeReads free reads per month from {@code BACKSTORY_METERED_READS}
 * @param gracePeriod the grace period from {@code BACKSTORY_GRACE_PERIOD}, e.g.
 * {@code 7 days}
 * @param gracePeriodInForce the grace period now, exactly (the form shows whole days)
 */
public record SettingsDefaults(int freeReads, String gracePeriod, String gracePeriodInForce) {
}
