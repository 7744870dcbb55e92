package org.backstory.publishing;

import org.jspecify.annotations.Nullable;

/**
 * The publication's identity, set by the owner.
 *
 * @param name the publication's name
 * @param tagline its one-line description
 * @param accentColor a {@code #rrggbb} colour used for links and buttons
 * @param logoUrl optional logo image
 * @param legalName who publishes it in law (a company, a person), as receipts name the
 * seller; empty when not set
 * @param postalAddress where the publisher can be written to, one line per address line;
 * empty when not set
 */
public record Publication(String name, String tagline, String accentColor, @Nullable String logoUrl, String legalName,
		String postalAddress) {

	/** Settings without legal details. */
	public Publication(String name, String tagline, String accentColor, @Nullable String logoUrl) {
		this(name, tagline, accentColor, logoUrl, "", "");
	}

	/** These settings with other legal details. */
	public Publication withLegalDetails(String legalName, String postalAddress) {
		return new Publication(name, tagline, accentColor, logoUrl, legalName, postalAddress);
	}

	/**
	 * The name receipts give the seller: the legal name, or the publication's name when
	 * there is none.
	 */
	public String sellerName() {
		return legalName.isBlank() ? name : legalName;
	}

}
