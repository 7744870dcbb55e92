package org.backstory.publishing;

import java.util.List;

/**
 * Thrown by {@link ArticleEditor} when a change cannot be made; nothing has been written.
 * Each problem is a sentence fit to show an editor next to the form.
 */
public class InvalidArticleException extends IllegalArgumentException {

	private final List<String> problems;

	public InvalidArticleException(List<String> problems) {
		super(String.join(" ", problems));
		this.problems = List.copyOf(problems);
	}

	public InvalidArticleException(String problem) {
		this(List.of(problem));
	}

	/** What is wrong, one sentence each. */
	public List<String> problems() {
		return problems;
	}

}
