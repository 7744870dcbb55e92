package org.backstory.imports;

import java.time.Instant;
import java.util.List;

import org.backstory.billing.NewPlan;
import org.backstory.newsletters.NewsletterSettings;
import org.backstory.publishing.ArchiveRestore;
import org.backstory.publishing.ArchivedArticle;
import org.backstory.publishing.HouseLabels;
import org.backstory.publishing.Publication;
import org.jspecify.annotations.Nullable;

/**
 * What Backstory's own export carries besides its articles, read back for an import into
 * an empty publication, which keeps the exported ids and times (see
 * {@link ArchiveRestore}).
 *
 * @param labels the house format's section labels
 * @param authors in id order
 * @param tags in id order
 * @param storylines in id order
 * @param entities in id order, restored before the articles (whose saves then find their
 * mentions)
 * @param events in id order, restored after the articles they name
 * @param newsletters in display order
 * @param images the uploaded originals from the export archive's
 * {@code images/originals/}, empty when only posts.json was uploaded
 * @param billing the archive's subscriptions, payments and their history, restored into a
 * publication without any (see {@link BillingRestorer}); null when only posts.json was
 * uploaded
 */
record SiteRestore(Publication publication, HouseLabels labels, List<RestoredPlan> plans,
		List<NewsletterSettings> newsletters, List<RestoredAuthor> authors, List<ArchivedArticle.Tag> tags,
		List<ArchivedArticle.Storyline> storylines, List<ArchivedArticle.KnownEntity> entities,
		List<ArchivedArticle.Event> events, List<RestoredImage> images, @Nullable BillingFiles billing) {

	SiteRestore {
		images = List.copyOf(images);
		plans = List.copyOf(plans);
		newsletters = List.copyOf(newsletters);
		authors = List.copyOf(authors);
		tags = List.copyOf(tags);
		storylines = List.copyOf(storylines);
		entities = List.copyOf(entities);
		events = List.copyOf(events);
	}

	SiteRestore withImages(List<RestoredImage> originals) {
		return new SiteRestore(publication, labels, plans, newsletters, authors, tags, storylines, entities, events,
				originals, billing);
	}

	SiteRestore withBilling(@Nullable BillingFiles files) {
		return new SiteRestore(publication, labels, plans, newsletters, authors, tags, storylines, entities, events,
				images, files);
	}

	/**
	 * An uploaded original from the archive.
	 *
	 * @param path its place in the archive, for messages
	 * @param uploadedAt its zip entry's time, when it was uploaded
	 */
	record RestoredImage(String path, byte[] original, Instant uploadedAt) {
	}

	/** A plan with its switch and creation time. */
	record RestoredPlan(NewPlan plan, boolean active, Instant createdAt) {
	}

	/**
	 * An author, and the address of the staff account it writes as (linked to the staff
	 * member with that address here, if there is one).
	 */
	record RestoredAuthor(long id, String slug, String name, String bio, @Nullable String staffEmail,
			Instant createdAt) {

		ArchivedArticle.Author linkedTo(@Nullable Long memberId) {
			return new ArchivedArticle.Author(id, slug, name, bio, memberId, createdAt);
		}

	}

}
