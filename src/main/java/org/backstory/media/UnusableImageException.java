package org.backstory.media;

/**
 * An upload that cannot be stored as an image; the message says why, for the person who
 * uploaded it.
 */
public class UnusableImageException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public UnusableImageException(String message) {
		super(message);
	}

}
