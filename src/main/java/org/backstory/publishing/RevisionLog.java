package org.backstory.publishing;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.backstory.members.SignedInMember;
import org.backstory.shared.Dates;
import org.springframework.stereotype.Component;

/**
 * Keeps a revision of each save made at the desk, and words the refusal of a save based
 * on an old version with who saved the newer one and when.
 */
@Component
class RevisionLog {

	/**
	 * Autosaves by one person within this long of their last one replace it instead of
	 * adding a revision.
	 */
	static final Duration AUTOSAVE_COALESCING = Duration.ofMinutes(10);

	private final ArticleDeskRepository repository;

	RevisionLog(ArticleDeskRepository repository) {
		this.repository = repository;
	}

	/** Keeps the saved text as a revision, or as the staff member's last autosave. */
	void keep(long id, boolean autosave, SignedInMember staff, Instant now) {
		Optional<Long> replaceable = autosave
				? repository.replaceableAutosave(id, staff.id(), now.minus(AUTOSAVE_COALESCING)) : Optional.empty();
		if (replaceable.isPresent()) {
			repository.replaceRevision(replaceable.get(), id, now);
		}
		else {
			repository.insertRevision(id, staff.id(), staff.name(), autosave, now);
		}
	}

	/** The refusal of a save whose version is no longer the article's. */
	StaleVersionException stale(long id) {
		return repository.latestRevision(id)
			.map(latest -> new StaleVersionException(latest.savedByName() + " saved a newer version at "
					+ Dates.clockTime(latest.savedAt()) + " UTC; your text is below, copy it and reload."))
			.orElseGet(() -> new StaleVersionException(
					"Someone saved a newer version; your text is below, copy it and reload."));
	}

}
