package org.backstory.newsletters;

import java.util.List;

/**
 * Newsletter settings that cannot be saved, with every reason, each a sentence for the
 * form.
 */
public class InvalidNewsletterException extends RuntimeException {

	private final List<String> problems;

	public InvalidNewsletterException(List<String> problems) {
		super(String.join(" ", problems));
		this.problems = List.copyOf(problems);
	}

	public List<String> problems() {
		return problems;
	}

}
