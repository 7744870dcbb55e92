package org.backstory.admin.settings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.backstory.access.MeteringSettings;
import org.backstory.billing.GracePeriodSettings;
import org.backstory.publishing.HouseLabels;
import org.backstory.publishing.Publication;
import org.backstory.publishing.PublicationService;
import org.backstory.shared.StaffActions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The settings page's view of the settings three modules own (publishing, access,
 * billing), and saving them all or none in one transaction.
 */
@Service
class SiteSettings {

	private final PublicationService publications;

	private final MeteringSettings metering;

	private final GracePeriodSettings grace;

	private final StaffActions staffActions;

	SiteSettings(PublicationService publications, MeteringSettings metering, GracePeriodSettings grace,
			StaffActions staffActions) {
		this.publications = publications;
		this.metering = metering;
		this.grace = grace;
		this.staffActions = staffActions;
	}

	Publication publication() {
		return publications.publication();
	}

	HouseLabels labels() {
		return publications.labels();
	}

	int freeReadsPerMonth() {
		return metering.freeReadsPerMonth();
	}

	int anonymousReadsPerMonth() {
		return metering.anonymousReadsPerMonth();
	}

	int defaultFreeReadsPerMonth() {
		return metering.defaultFreeReadsPerMonth();
	}

	Duration gracePeriod() {
		return grace.gracePeriod();
	}

	Duration defaultGracePeriod() {
		return grace.defaultGracePeriod();
	}

	/**
	 * Saves the settings that differ from those in force, and records what changed in the
	 * audit log; false when nothing did. A grace period is compared in whole days, as the
	 * form shows it, so saving the form untouched keeps one of, say, 36 hours from the
	 * environment.
	 */
	@Transactional
	boolean save(SettingsChange change, long actorId) {
		List<String> changed = new ArrayList<>();
		Publication before = publications.publication();
		Publication after = change.publication();
		note(changed, "name", before.name(), after.name());
		note(changed, "tagline", before.tagline(), after.tagline());
		note(changed, "logo", String.valueOf(before.logoUrl()), String.valueOf(after.logoUrl()));
		note(changed, "accent colour", before.accentColor(), after.accentColor());
		note(changed, "legal name", before.legalName(), after.legalName());
		note(changed, "postal address", before.postalAddress(), after.postalAddress());
		if (!before.equals(after)) {
			publications.update(after);
		}
		HouseLabels labels = publications.labels();
		note(changed, "background label", labels.background(), change.labels().background());
		note(changed, "now label", labels.now(), change.labels().now());
		if (!labels.equals(change.labels())) {
			publications.changeLabels(change.labels());
		}
		int reads = metering.freeReadsPerMonth();
		if (reads != change.freeReadsPerMonth()) {
			changed.add("free reads per month: " + reads + " → " + change.freeReadsPerMonth());
			metering.change(change.freeReadsPerMonth());
		}
		int anonymous = metering.anonymousReadsPerMonth();
		if (anonymous != change.anonymousReadsPerMonth()) {
			changed
				.add("free articles for readers not signed in: " + anonymous + " → " + change.anonymousReadsPerMonth());
			metering.changeAnonymous(change.anonymousReadsPerMonth());
		}
		Duration current = grace.gracePeriod();
		if (current.toDays() != change.graceDays()) {
			Duration newGrace = Duration.ofDays(change.graceDays());
			changed.add("grace period: " + days(current) + " → " + days(newGrace));
			grace.change(newGrace);
		}
		if (changed.isEmpty()) {
			return false;
		}
		staffActions.record(actorId, "settings.changed", "site", String.join("; ", changed));
		return true;
	}

	static String days(Duration duration) {
		return duration.toHours() % 24 == 0 ? duration.toDays() + (duration.toDays() == 1 ? " day" : " days")
				: duration.toHours() + " hours";
	}

	private static void note(List<String> changed, String what, String before, String after) {
		if (!before.equals(after)) {
			changed.add(what + ": " + before + " → " + after);
		}
	}

}
