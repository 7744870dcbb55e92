package org.backstory.admin.members;

/**
 * Why a line of an import file cannot be imported (or was skipped).
 *
 * @param line the line of the file the row starts on; 1 is the header
 * @param reason what is wrong, e.g. {@code "ada@" is not a valid email address}
 */
public record ImportProblem(int line, String reason) {

	@Override
	public String toString() {
		return "Line " + line + ": " + reason;
	}

}
