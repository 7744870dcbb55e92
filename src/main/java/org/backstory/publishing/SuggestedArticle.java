package org.backstory.publishing;

import java.time.LocalDate;

/**
 * An earlier published article the "Suggest background" panel offers, with why it was
 * chosen.
 *
 * @param id the article's id
 * @param slug its slug ({@code /p/{slug}})
 * @param title its headline
 * @param dek its dek
 * @param published the day it was published (UTC)
 * @param badge its access badge: Free, Members, Paid or its tiers
 * @param sharedTags how many of the written article's tags it has
 * @param sharedPeople how many of the entities the written article names it mentions
 * @param textMatch whether its text shares words with the written article's
 * @param recapLine the sentence "Insert a linked recap line" writes
 */
public record SuggestedArticle(long id, String slug, String title, String dek, LocalDate published, String badge,
		int sharedTags, int sharedPeople, boolean textMatch, String recapLine) {

	/** The day it was published, as "12 March 2025". */
	public String publishedText() {
		return new EventDate(published, EventDate.Precision.DAY).text();
	}

	/**
	 * Why it is suggested, for the panel: "2 shared tags · 1 shared person · similar
	 * text".
	 */
	public String reason() {
		StringBuilder reason = new StringBuilder();
		if (sharedTags > 0) {
			reason.append(sharedTags).append(sharedTags == 1 ? " shared tag" : " shared tags");
		}
		if (sharedPeople > 0) {
			reason.append(reason.isEmpty() ? "" : " · ")
				.append(sharedPeople)
				.append(sharedPeople == 1 ? " shared entity" : " shared entities");
		}
		if (textMatch) {
			reason.append(reason.isEmpty() ? "" : " · ").append("similar text");
		}
		return reason.toString();
	}

}
