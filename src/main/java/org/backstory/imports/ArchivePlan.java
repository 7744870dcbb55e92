package org.backstory.imports;

import java.util.List;

/**
 * What an archive holds and what importing it would do: its posts and subscribers, and every problem found.
 */
public record ArchivePlan(ImportSource source, List<PlannedPost> posts, List<PlannedSubscriber> subscribers,
		List<ImportProblem> problems) {

	public ArchivePlan {
		posts = List.copyOf(posts);
		subscribers = List.copyOf(subscribers);
		problems = List.copyOf(problems);
	}

	/** An archive that cannot be read at all. */
	static ArchivePlan refused(ImportSource source, String where, String message) {
		return new ArchivePlan(source, List.of(), List.of(), List.of(ImportProblem.blocking(where, message)));
	}

	/** Whether importing may go ahead: something to import and no blocking problem. */
	public boolean importable() {
		return blocking().isEmpty() && !(posts.isEmpty() && subscribers.isEmpty());
	}

	/** The problems that stop the import. */
	public List<ImportProblem> blocking() {
		return problems.stream().filter(ImportProblem::blocking).toList();
	}

	/** What the import will skip or change, listed for the owner. */
	public List<ImportProblem> notices() {
		return problems.stream().filter(problem -> !problem.blocking()).toList();
	}

}
