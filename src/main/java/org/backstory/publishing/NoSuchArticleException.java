package org.backstory.publishing;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** There is no article (or revision) with the id asked for; web requests answer 404. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NoSuchArticleException extends RuntimeException {

	public NoSuchArticleException(long id) {
		super("There is no article with id " + id + ".");
	}

}
