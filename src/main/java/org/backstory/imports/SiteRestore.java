package org.backstory.imports;

import java.time.Instant;
import java.util.List;

import org.backstory.billing.NewPlan;
import org.backstory.newsletters.NewsletterSettings;
import org.backstory.publishing.ArchiveRestore;
import org.backstory.publishing.Publication;
import org.jspecify.annotations.Nullable;

/**
 * What Backstory's own export carries besides its articles, read back for an import into an empty
 * publication, which keeps the exported ids and times (see {@link ArchiveRestore}).
 *
 * @param authors in id order
 * @param tags in id order
 * @param storylines in id order
 * @param newsletters in display order
 */
record SiteRestore(Publication publication, List<RestoredPlan> plans, List<NewsletterSettings> newsletters,
		List<RestoredAuthor> authors, List<ArchiveRestore.RestoredTag> tags,
		List<ArchiveRestore.RestoredStoryline> storylines) {

	SiteRestore {
		plans = List.copyOf(plans);
		newsletters = List.copyOf(newsletters);
		authors = List.copyOf(authors);
		tags = List.copyOf(tags);
		storylines = List.copyOf(storylines);
	}

	/** A plan with its switch and creation time. */
	record RestoredPlan(NewPlan plan, boolean active, Instant createdAt) {
	}

	/**
	 * An author, and the address of the staff account it writes as (linked to the staff member with that
	 * address here, if there is one).
	 */
	record RestoredAuthor(long id, String slug, String name, String bio, @Nullable String staffEmail,
			Instant createdAt) {

		ArchiveRestore.RestoredAuthor linkedTo(@Nullable Long memberId) {
			return new ArchiveRestore.RestoredAuthor(id, slug, name, bio, memberId, createdAt);
		}

	}

}
