package org.backstory.admin.settings;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.backstory.access.MeteringSettings;
import org.backstory.billing.GracePeriodSettings;
import org.backstory.publishing.Publication;
import org.jspecify.annotations.Nullable;

/**
 * The settings form as typed. Text fields left out are empty.
 *
 * @param freeReads free paid-article reads per month, a whole number
 * @param graceDays the grace period in whole days
 */
public record SettingsForm(@Nullable String name, @Nullable String tagline, @Nullable String logoUrl,
		@Nullable String accentColor, @Nullable String legalName, @Nullable String postalAddress,
		@Nullable String freeReads, @Nullable String graceDays) {

	private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

	private static final Pattern LOGO = Pattern.compile("(https?://|/)\\S*");

	static SettingsForm of(SiteSettings settings) {
		Publication publication = settings.publication();
		return new SettingsForm(publication.name(), publication.tagline(), publication.logoUrl(),
				publication.accentColor(), publication.legalName(), publication.postalAddress(),
				String.valueOf(settings.freeReadsPerMonth()), String.valueOf(settings.gracePeriod().toDays()));
	}

	/** The settings to save, or the errors per field. */
	Checked check() {
		Map<String, String> errors = new LinkedHashMap<>();
		String theName = text(name);
		if (theName.isEmpty() || theName.length() > 120) {
			errors.put("name", "Enter the publication's name (at most 120 characters).");
		}
		if (text(tagline).length() > 240) {
			errors.put("tagline", "The tagline can be at most 240 characters.");
		}
		String logo = text(logoUrl);
		if (!logo.isEmpty() && (logo.length() > 500 || !LOGO.matcher(logo).matches())) {
			errors.put("logoUrl", "The logo must be a web address (https://…) or a path on this site (/…).");
		}
		if (!COLOUR.matcher(text(accentColor)).matches()) {
			errors.put("accentColor", "The accent colour must be a hex colour such as #b4233c.");
		}
		if (text(legalName).length() > 200) {
			errors.put("legalName", "The legal name can be at most 200 characters.");
		}
		if (text(postalAddress).length() > 500) {
			errors.put("postalAddress", "The postal address can be at most 500 characters.");
		}
		Integer reads = whole(freeReads, MeteringSettings.MAX_FREE_READS);
		if (reads == null) {
			errors.put("freeReads", "Free reads per month must be a whole number from 0 to "
					+ MeteringSettings.MAX_FREE_READS + ".");
		}
		Integer grace = whole(graceDays, (int) GracePeriodSettings.MAX.toDays());
		if (grace == null) {
			errors.put("graceDays",
					"The grace period must be a whole number of days from 0 to " + GracePeriodSettings.MAX.toDays() + ".");
		}
		if (!errors.isEmpty() || reads == null || grace == null) {
			return new Checked(null, Map.copyOf(errors));
		}
		Publication publication = new Publication(theName, text(tagline), text(accentColor).toLowerCase(Locale.ROOT),
				logo.isEmpty() ? null : logo, text(legalName), text(postalAddress).replace("\r\n", "\n"));
		return new Checked(new SettingsChange(publication, reads, grace), Map.of());
	}

	/** A checked form: the change to save, or null and why not. */
	record Checked(@Nullable SettingsChange change, Map<String, String> errors) {
	}

	private static @Nullable Integer whole(@Nullable String value, int max) {
		try {
			int number = Integer.parseInt(text(value));
			return number >= 0 && number <= max ? number : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static String text(@Nullable String value) {
		return value == null ? "" : value.strip();
	}

}
