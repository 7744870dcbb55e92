package org.backstory.admin.dashboard;

/**
 * Trials over the dashboard's range.
 *
 * @param started trials begun
 * @param converted trials whose first charge went through
 * @param lapsed trials that ended without a charge
 * @param rate converted out of those that ended (converted or lapsed), e.g. {@code 40%},
 * or {@link Rate#NONE}
 */
public record TrialSummary(long started, long converted, long lapsed, String rate) {
}
