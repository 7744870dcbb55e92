package org.backstory.admin.settings;

import org.backstory.publishing.HouseLabels;
import org.backstory.publishing.Publication;

/**
 * Settings to save together: the publication, metering, the grace period (in days) and
 * the house format's section labels, and the anonymous meter's allowance.
 */
record SettingsChange(Publication publication, int freeReadsPerMonth, int graceDays, HouseLabels labels,
		int anonymousReadsPerMonth) {
}
