package org.backstory.admin.members;

import java.util.List;

import org.backstory.members.ImportedMember;
import org.jspecify.annotations.Nullable;

/**
 * A valid row of an import file.
 *
 * @param line where it starts in the file
 * @param member the member to create
 * @param subscribed whether they get any newsletter ({@code subscribed_to_emails}, or a
 * non-empty {@code newsletters})
 * @param comp whether to give them complimentary access ({@code complimentary_plan})
 * @param newsletters the slugs of the newsletters they get ({@code newsletters}, the
 * column Backstory's export adds), or null when the file has no such column: then a
 * subscribed member gets the newsletters that are on by default
 * @param id the member's id in Backstory's own export (a positive whole number in
 * {@code id}), kept when the import restores into a publication with no other member;
 * null for other files (Ghost's ids are hex)
 */
public record ImportRow(int line, ImportedMember member, boolean subscribed, boolean comp,
		@Nullable List<String> newsletters, @Nullable Long id) {

	public ImportRow {
		newsletters = newsletters == null ? null : List.copyOf(newsletters);
	}

	/** A row without a kept id. */
	public ImportRow(int line, ImportedMember member, boolean subscribed, boolean comp,
			@Nullable List<String> newsletters) {
		this(line, member, subscribed, comp, newsletters, null);
	}

	/**
	 * The newsletters this member gets: those named, or those on by default
	 * ({@code defaults}) when subscribed.
	 */
	public List<String> newsletterSlugs(List<String> defaults) {
		if (newsletters != null) {
			return newsletters;
		}
		return subscribed ? defaults : List.of();
	}

}
