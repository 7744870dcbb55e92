package org.backstory.imports;

/**
 * Something found while reading an archive.
 *
 * @param where the file and line ({@code posts.csv line 7}), file name, or JSON path
 * ({@code posts[3]}) it was found at
 * @param message what is wrong, or what the import will do about it
 * @param blocking whether it stops the import (a broken file or post); otherwise it is a
 * notice: the import goes ahead and does what the message says
 */
public record ImportProblem(String where, String message, boolean blocking) {

	static ImportProblem blocking(String where, String message) {
		return new ImportProblem(where, message, true);
	}

	static ImportProblem notice(String where, String message) {
		return new ImportProblem(where, message, false);
	}

}
