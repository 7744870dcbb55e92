package org.backstory.admin.settings;

import org.backstory.publishing.Publication;

/** Settings to save together: the publication, metering and the grace period (in days). */
record SettingsChange(Publication publication, int freeReadsPerMonth, int graceDays) {
}
