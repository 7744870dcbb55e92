package org.backstory.publishing;

/**
 * The publication's words for the two sections of the house format, shown as the
 * sections' headings on every channel. Plain text, 1 to {@value #MAX_LENGTH} characters
 * each; they are escaped wherever they are shown.
 *
 * @param background the heading of the background, by default "Before you read"
 * @param now the heading of the now part, by default "What's going on now"
 */
public record HouseLabels(String background, String now) {

	/** The most characters a label may have. */
	public static final int MAX_LENGTH = 80;

	/** The labels a new publication starts with. */
	public static final HouseLabels DEFAULTS = new HouseLabels("Before you read", "What's going on now");

}
