package org.backstory.members.welcome;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The words of a welcome mail as staff write them.
 *
 * @param subject the subject line
 * @param body plain paragraphs separated by blank lines; links written out in full become
 * links
 */
public record WelcomeText(String subject, String body) {

	static final int SUBJECT_MAX = 200;

	static final int BODY_MAX = 5000;

	/** The text with surrounding spaces gone and Windows line ends made plain. */
	public WelcomeText {
		subject = subject.strip();
		body = body.replace("\r\n", "\n").strip();
	}

	/** What is wrong with this text, by form field; empty when it can be saved. */
	public Map<String, String> problems() {
		Map<String, String> problems = new LinkedHashMap<>();
		if (subject.isEmpty()) {
			problems.put("subject", "Write a subject.");
		}
		else if (subject.length() > SUBJECT_MAX) {
			problems.put("subject", "The subject must be at most " + SUBJECT_MAX + " characters.");
		}
		else if (subject.indexOf('\n') >= 0 || subject.indexOf('\r') >= 0) {
			problems.put("subject", "The subject must be one line.");
		}
		if (body.isEmpty()) {
			problems.put("body", "Write the text of the mail.");
		}
		else if (body.length() > BODY_MAX) {
			problems.put("body", "The text must be at most " + BODY_MAX + " characters.");
		}
		return problems;
	}

	/** The body's paragraphs, split at blank lines. */
	List<String> paragraphs() {
		return List.of(body.split("\\n\\s*\\n"));
	}

}
