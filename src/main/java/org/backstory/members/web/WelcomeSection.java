package org.backstory.members.web;

import java.util.Map;

/**
 * One welcome mail's form on the welcome settings page.
 *
 * @param code the mail's key in the form's address ({@code signup}, {@code subscriber})
 * @param title what the mail is, e.g. "After sign-up"
 * @param when when it is sent
 * @param subject the subject in the field
 * @param body the text in the field
 * @param errors what is wrong with the fields, by name; empty when nothing is
 */
public record WelcomeSection(String code, String title, String when, String subject, String body,
		Map<String, String> errors) {

	public WelcomeSection {
		errors = Map.copyOf(errors);
	}

}
