package org.backstory.admin.settings;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.backstory.access.MeteringSettings;
import org.backstory.billing.GracePeriodSettings;
import org.backstory.publishing.HouseLabels;
import org.backstory.publishing.Publication;
import org.jspecify.annotations.Nullable;

/**
 * The settings form as typed. Text fields left out are empty.
 *
 * @param freeReads free paid-article reads per month, a whole number
 * @param graceDays the grace period in whole days
 * @param backgroundLabel the heading of the house format's background
 * @param nowLabel the heading of the house format's now part
 * @param anonymousReads free paid-article reads per month for readers who are not signed
 * in (the anonymous meter), a whole number; 0 turns it off
 */
public record SettingsForm(@Nullable String name, @Nullable String tagline, @Nullable String logoUrl,
		@Nullable String accentColor, @Nullable String legalName, @Nullable String postalAddress,
		@Nullable String freeReads, @Nullable String graceDays, @Nullable String backgroundLabel,
		@Nullable String nowLabel, @Nullable String anonymousReads) {

	/** Control characters: a label is one line of plain text. */
	private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

	private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

	private static final Pattern LOGO = Pattern.compile("(https?://|/)\\S*");

	static SettingsForm of(SiteSettings settings) {
		Publication publication = settings.publication();
		return new SettingsForm(publication.name(), publication.tagline(), publication.logoUrl(),
				publication.accentColor(), publication.legalName(), publication.postalAddress(),
				String.valueOf(settings.freeReadsPerMonth()), String.valueOf(settings.gracePeriod().toDays()),
				settings.labels().background(), settings.labels().now(),
				String.valueOf(settings.anonymousReadsPerMonth()));
	}

	/**
	 * The same form with the labels in force where a label was not sent at all (a client
	 * that predates the labels); a label sent empty stays empty and is refused.
	 */
	SettingsForm withLabelsOr(HouseLabels current) {
		return new SettingsForm(name, tagline, logoUrl, accentColor, legalName, postalAddress, freeReads, graceDays,
				backgroundLabel == null ? current.background() : backgroundLabel,
				nowLabel == null ? current.now() : nowLabel, anonymousReads);
	}

	/**
	 * The same form with the anonymous allowance in force when it was not sent at all (a
	 * client that predates it).
	 */
	SettingsForm withAnonymousReadsOr(int current) {
		return anonymousReads != null ? this : new SettingsForm(name, tagline, logoUrl, accentColor, legalName,
				postalAddress, freeReads, graceDays, backgroundLabel, nowLabel, String.valueOf(current));
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
		else if (AccentContrast.ratio(text(accentColor)) < AccentContrast.NEEDED) {
			errors.put("accentColor",
					String.format(Locale.ROOT,
							"The accent colour is too light to read: white text on it and links in it reach %.1f:1, "
									+ "and need %.1f:1. %s is the nearest darker shade that does.",
							AccentContrast.ratio(text(accentColor)), AccentContrast.NEEDED,
							AccentContrast.darkerThatPasses(text(accentColor).toLowerCase(Locale.ROOT))));
		}
		if (text(legalName).length() > 200) {
			errors.put("legalName", "The legal name can be at most 200 characters.");
		}
		if (text(postalAddress).length() > 500) {
			errors.put("postalAddress", "The postal address can be at most 500 characters.");
		}
		Integer reads = whole(freeReads, MeteringSettings.MAX_FREE_READS);
		if (reads == null) {
			errors.put("freeReads",
					"Free reads per month must be a whole number from 0 to " + MeteringSettings.MAX_FREE_READS + ".");
		}
		Integer anonymous = whole(anonymousReads, MeteringSettings.MAX_ANONYMOUS_READS);
		if (anonymous == null) {
			errors.put("anonymousReads",
					"Free articles for readers who are not signed in must be a whole number from 0 to "
							+ MeteringSettings.MAX_ANONYMOUS_READS + ".");
		}
		Integer grace = whole(graceDays, (int) GracePeriodSettings.MAX.toDays());
		if (grace == null) {
			errors.put("graceDays", "The grace period must be a whole number of days from 0 to "
					+ GracePeriodSettings.MAX.toDays() + ".");
		}
		labelProblem(backgroundLabel).ifPresent(problem -> errors.put("backgroundLabel", problem));
		labelProblem(nowLabel).ifPresent(problem -> errors.put("nowLabel", problem));
		if (!errors.isEmpty() || reads == null || grace == null || anonymous == null) {
			return new Checked(null, Map.copyOf(errors));
		}
		Publication publication = new Publication(theName, text(tagline), text(accentColor).toLowerCase(Locale.ROOT),
				logo.isEmpty() ? null : logo, text(legalName), text(postalAddress).replace("\r\n", "\n"));
		return new Checked(new SettingsChange(publication, reads, grace,
				new HouseLabels(text(backgroundLabel), text(nowLabel)), anonymous), Map.of());
	}

	private static Optional<String> labelProblem(@Nullable String label) {
		String value = text(label);
		if (value.isEmpty() || value.length() > HouseLabels.MAX_LENGTH || CONTROL.matcher(value).find()) {
			return Optional
				.of("A section label is one line of plain text, 1 to " + HouseLabels.MAX_LENGTH + " characters.");
		}
		return Optional.empty();
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
