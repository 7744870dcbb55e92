package org.backstory.imports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.backstory.imports.PlannedPost.PlannedAuthor;
import org.backstory.imports.PlannedPost.PlannedStoryline;
import org.backstory.imports.PlannedPost.PlannedTag;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberProfile;
import org.backstory.members.SignedInMember;
import org.backstory.publishing.ArchiveRestore;
import org.backstory.publishing.ArticleDraft;
import org.backstory.publishing.ArticleEditor;
import org.backstory.publishing.ArticleSeo;
import org.backstory.publishing.ArticleVocabulary;
import org.backstory.publishing.SystemPublisher;
import org.backstory.publishing.TaxonomyCreator;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Writes an archive's posts through publishing's services, in the caller's transaction:
 * authors, tags and storylines (found or created by slug), the feature images (copied
 * when they can be fetched), the article, its publication, its old slugs, and its source
 * key. A post imported before is skipped. Backstory's own export into an empty
 * publication is restored: the site's records first ({@link SiteRestorer}), then each
 * article with its id, and at the end the articles' times ({@link ArchiveRestore}).
 */
@Component
class ArticleImporter {

	private final ArticleEditor editor;

	private final MemberDirectory directory;

	private final ImportedItems items;

	private final FeatureImages images;

	private final ArchiveRestore restore;

	private final SiteRestorer site;

	private final ArticleVocabulary names;

	private final TaxonomyCreator taxonomy;

	private final SystemPublisher publisher;

	ArticleImporter(ArticleEditor editor, MemberDirectory directory, ImportedItems items, FeatureImages images,
			ArchiveRestore restore, SiteRestorer site, ArticleVocabulary names, TaxonomyCreator taxonomy,
			SystemPublisher publisher) {
		this.publisher = publisher;
		this.taxonomy = taxonomy;
		this.names = names;
		this.editor = editor;
		this.restore = restore;
		this.site = site;
		this.directory = directory;
		this.items = items;
		this.images = images;
	}

	/**
	 * What an article import did.
	 *
	 * @param articles articles imported (posts imported before are not counted)
	 * @param imagesCopied feature and social images copied into the media library
	 * @param keptAsLinks the images that could not be fetched, kept as links
	 */
	record Written(int articles, int imagesCopied, List<String> keptAsLinks) {
	}

	Written write(ArchivePlan plan, SignedInMember staff, Instant now) {
		Map<String, Long> done = items.imported(plan.source(), ImportedItems.Kind.ARTICLE,
				plan.posts().stream().map(PlannedPost::sourceKey).toList());
		List<PlannedPost> fresh = plan.posts().stream().filter(post -> !done.containsKey(post.sourceKey())).toList();
		boolean restoring = plan.restore() != null && restore.empty();
		// A restored article keeps its image addresses as exported (the images come with
		// the archive): not fetched.
		List<String> wanted = fresh.stream()
			.filter(post -> !restoring || post.stamps() == null)
			.flatMap(post -> Stream.of(post.coverImageUrl(), post.seo().socialImageUrl()))
			.filter(Objects::nonNull)
			.distinct()
			.toList();
		Map<String, String> copies = images.copy(wanted);
		if (restoring) {
			site.restore(plan.restore());
		}
		List<ArchiveRestore.RestoredStamps> stamped = new ArrayList<>();
		Map<PlannedAuthor, String> authors = new HashMap<>();
		Map<PlannedTag, String> tags = new HashMap<>();
		Map<String, String> storylines = new HashMap<>();
		for (PlannedPost post : fresh) {
			List<String> bylines = post.authors().isEmpty() ? List.of(names.authorFor(staff).slug())
					: post.authors()
						.stream()
						.map(author -> authors.computeIfAbsent(author, this::authorSlug))
						.distinct()
						.toList();
			List<String> tagSlugs = post.tags()
				.stream()
				.map(tag -> tags.computeIfAbsent(tag,
						t -> taxonomy.createTag(t.slug(), t.name().isBlank() ? t.slug() : t.name(), t.description())
							.slug()))
				.distinct()
				.toList();
			ArticleSeo seo = post.seo();
			PlannedStoryline storyline = post.storyline();
			String storylineSlug = storyline == null ? null : storylines.computeIfAbsent(storyline.slug(),
					slug -> taxonomy.createStoryline(slug, storyline.title(), storyline.description()).slug());
			ArticleDraft draft = new ArticleDraft(null, freeSlug(post.slug()), post.title(), post.dek(), "", bylines,
					tagSlugs, storylineSlug, storyline == null ? null : storyline.position(),
					copied(post.coverImageUrl(), copies), post.visibility(),
					new ArticleSeo(seo.title(), seo.description(), copied(seo.socialImageUrl(), copies)))
				.withText(post.text())
				.withMeterExempt(post.meterExempt());
			ArchiveRestore.RestoredStamps stamps = restoring ? post.stamps() : null;
			long id = stamps == null ? editor.save(draft) : restore.article(stamps.id(), () -> editor.save(draft));
			editor.keepOldSlugs(id, post.oldSlugs());
			Instant at = post.publishedAt();
			switch (post.status()) {
				case PUBLISHED, SCHEDULED -> publisher.publishImported(id, at == null ? now : at, true);
				case EMAIL_ONLY -> publisher.publishImported(id, at == null ? now : at, false);
				case DRAFT -> {
					// stays a draft
				}
			}
			items.record(plan.source(), ImportedItems.Kind.ARTICLE, post.sourceKey(), id, now);
			if (stamps != null) {
				stamped.add(stamps);
			}
		}
		if (restoring) {
			site.restoreAfterArticles(plan.restore());
			restore.finish(stamped);
		}
		return new Written(fresh.size(), copies.size(),
				wanted.stream().filter(url -> !copies.containsKey(url)).toList());
	}

	private static @Nullable String copied(@Nullable String url, Map<String, String> copies) {
		return url == null ? null : copies.getOrDefault(url, url);
	}

	/**
	 * The author's slug: the byline of the staff member with the author's address if
	 * there is one, else a byline of its own with no account behind it (so nobody can
	 * sign in as an imported author).
	 */
	private String authorSlug(PlannedAuthor author) {
		Optional<MemberProfile> staff = staffWithEmail(author.email());
		if (staff.isPresent()) {
			MemberProfile profile = staff.get();
			return names.authorFor(new SignedInMember(profile.id(), profile.email(), profile.name(), profile.role()))
				.slug();
		}
		return taxonomy
			.createAuthor(author.slug(), author.name().isBlank() ? author.slug() : author.name(), author.bio(), null)
			.slug();
	}

	/** The staff member who has this address here, if any. */
	Optional<MemberProfile> staffWithEmail(String email) {
		return email.isBlank() ? Optional.empty()
				: directory.findByEmail(email).filter(profile -> profile.role().staff());
	}

	/** The slug, or the first of slug-2, slug-3… that no article here has. */
	String freeSlug(String slug) {
		String candidate = slug;
		for (int n = 2; editor.idOfSlug(candidate).isPresent(); n++) {
			String suffix = "-" + n;
			candidate = (slug.length() + suffix.length() > ArchiveText.MAX_SLUG
					? slug.substring(0, ArchiveText.MAX_SLUG - suffix.length()) : slug) + suffix;
		}
		return candidate;
	}

}
