package org.backstory.api.web;

/**
 * A filter Backstory cannot read or does not support; answered with 400 and this message
 * as the context.
 */
final class NqlException extends RuntimeException {

	NqlException(String message) {
		super(message, null, false, false);
	}

}
