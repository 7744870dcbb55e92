package org.backstory.imports;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What an archive holds and what importing it would do: its posts and subscribers, and
 * every problem found.
 *
 * @param restore what Backstory's own export carries besides the posts, restored with its
 * ids into an empty publication; null for other archives
 * @param members the bytes of the {@code members.csv} at the top of a zip holding a Ghost
 * or Backstory export (Backstory's export archive has one), imported through the member
 * import ({@link ArchiveMembers}); null when there is none
 */
public record ArchivePlan(ImportSource source, List<PlannedPost> posts, List<PlannedSubscriber> subscribers,
		List<ImportProblem> problems, @Nullable SiteRestore restore, byte @Nullable [] members) {

	public ArchivePlan {
		posts = List.copyOf(posts);
		subscribers = List.copyOf(subscribers);
		problems = List.copyOf(problems);
	}

	ArchivePlan(ImportSource source, List<PlannedPost> posts, List<PlannedSubscriber> subscribers,
			List<ImportProblem> problems, @Nullable SiteRestore restore) {
		this(source, posts, subscribers, problems, restore, null);
	}

	ArchivePlan(ImportSource source, List<PlannedPost> posts, List<PlannedSubscriber> subscribers,
			List<ImportProblem> problems) {
		this(source, posts, subscribers, problems, null);
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
