package org.backstory.members.web;

import java.util.Locale;

import org.backstory.members.MemberRole;

/**
 * A staff member as the staff page lists them.
 *
 * @param since the day they joined the staff, e.g. {@code 3 December 2026}
 * @param owner whether they are the owner, whose role the page does not offer to change
 */
public record StaffRow(long id, String name, String email, MemberRole role, String since, boolean owner) {

	/** A role as the page names it, e.g. {@code Editor}. */
	public static String label(MemberRole role) {
		String name = role.name();
		return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
	}

}
