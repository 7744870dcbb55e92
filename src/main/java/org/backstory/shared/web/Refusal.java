package org.backstory.shared.web;

import org.springframework.security.access.AccessDeniedException;

/**
 * A 403 whose message is written for the person refused: it says why and who can allow
 * it. The error page shows the message; a plain {@link AccessDeniedException} (a missing
 * CSRF token, a role the URL table requires) keeps the generic page, which may not
 * explain anything.
 */
public class Refusal extends AccessDeniedException {

	public Refusal(String sentence) {
		super(sentence);
	}

}
