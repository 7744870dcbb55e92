package org.backstory.site;

/**
 * What the error page says for a status: never the exception, the path's internals or a
 * stack trace.
 *
 * @param status the HTTP status
 * @param heading the page's title
 * @param message a sentence or two for the reader
 */
public record ErrorPage(int status, String heading, String message) {

	/**
	 * A 403 that says why and who can allow it
	 * ({@link org.backstory.shared.web.Refusal}).
	 */
	static ErrorPage refused(String sentence) {
		return new ErrorPage(403, "You can't do that here", sentence);
	}

	static ErrorPage of(int status) {
		return switch (status) {
			case 404 -> new ErrorPage(status, "We couldn't find that page",
					"The page may have moved, or the address may be mistyped.");
			case 403 -> new ErrorPage(status, "You can't do that here",
					"You may need to log in, or the form you sent has expired. Go back, reload the page and try again.");
			case 400 -> new ErrorPage(status, "That request didn't make sense to us",
					"Something in the address or the form was not what we expected.");
			case 405 -> new ErrorPage(status, "That doesn't work here", "This page can't be used that way.");
			case 413 -> new ErrorPage(status, "That was more than we accept",
					"The form or file you sent is too large. Shorten it and try again.");
			default -> status >= 500
					? new ErrorPage(status, "Something went wrong on our side",
							"We've noted the problem. Please try again in a moment.")
					: new ErrorPage(status, "That didn't work", "Please go back and try again.");
		};
	}

}
