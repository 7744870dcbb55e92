package org.backstory.publishing;

/**
 * A save based on an older version than the article's current one: someone else saved in
 * between. Nothing was written; the message says who and when, for the person whose save
 * was refused.
 */
public class StaleVersionException extends RuntimeException {

	public StaleVersionException(String message) {
		super(message);
	}

}
