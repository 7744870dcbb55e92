package org.backstory.imports;

import org.backstory.billing.PlanRestore;
import org.backstory.media.MediaLibrary;
import org.backstory.media.UnusableImageException;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberProfile;
import org.backstory.newsletters.InvalidNewsletterException;
import org.backstory.newsletters.NewsletterSettings;
import org.backstory.newsletters.Newsletters;
import org.backstory.publishing.ArchiveRestore;
import org.backstory.publishing.PublicationService;
import org.springframework.stereotype.Component;

/**
 * Restores what Backstory's own export carries besides its articles into an empty
 * publication, in the caller's transaction, through the owning modules: the publication's
 * settings, the plans, the newsletters in display order, the uploaded images (from the
 * whole export archive) in their folders, and the authors (linked to the staff account
 * with their address here, if any), tags and storylines and entities with their ids and
 * creation times (then, once the articles are in, the storyline events).
 */
@Component
class SiteRestorer {

	private final PublicationService publications;

	private final PlanRestore plans;

	private final Newsletters newsletters;

	private final ArchiveRestore restore;

	private final MemberDirectory directory;

	private final MediaLibrary media;

	SiteRestorer(PublicationService publications, PlanRestore plans, Newsletters newsletters, ArchiveRestore restore,
			MemberDirectory directory, MediaLibrary media) {
		this.media = media;
		this.publications = publications;
		this.plans = plans;
		this.newsletters = newsletters;
		this.restore = restore;
		this.directory = directory;
	}

	/**
	 * @throws IllegalArgumentException or IllegalStateException when a module refuses a
	 * row
	 */
	void restore(SiteRestore site) {
		for (SiteRestore.RestoredImage image : site.images()) {
			try {
				media.restore(image.original(), image.uploadedAt());
			}
			catch (UnusableImageException ex) {
				throw new IllegalArgumentException(image.path() + ": " + ex.getMessage(), ex);
			}
		}
		publications.update(site.publication());
		if (!site.labels().equals(publications.labels())) {
			publications.changeLabels(site.labels());
		}
		site.plans().forEach(plan -> plans.restore(plan.plan(), plan.active(), plan.createdAt()));
		for (NewsletterSettings settings : site.newsletters()) {
			try {
				newsletters.create(settings);
			}
			catch (InvalidNewsletterException ex) {
				throw new IllegalArgumentException(
						"Newsletter " + settings.slug() + ": " + String.join(" ", ex.problems()), ex);
			}
		}
		site.authors()
			.forEach(author -> restore.author(author.linkedTo(author.staffEmail() == null ? null
					: directory.findByEmail(author.staffEmail())
						.filter(profile -> profile.role().staff())
						.map(MemberProfile::id)
						.orElse(null))));
		site.tags().forEach(restore::tag);
		site.storylines().forEach(restore::storyline);
		site.entities().forEach(restore::entity);
	}

	/** What refers to the restored articles: storyline events and rejected mentions. */
	void restoreAfterArticles(SiteRestore site) {
		restore.afterArticles(site.entities(), site.events());
	}

}
