package org.backstory.api.web;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.backstory.api.GhostPosts;
import org.backstory.members.MemberRole;
import org.backstory.members.SignedInMember;
import org.backstory.publishing.ArticleDesk;
import org.backstory.publishing.ArticleDraft;
import org.backstory.publishing.ArticleEditor;
import org.backstory.publishing.ArticleSeo;
import org.backstory.publishing.ArticleVocabulary;
import org.backstory.publishing.Author;
import org.backstory.publishing.EditableArticle;
import org.backstory.publishing.HouseFormat;
import org.backstory.publishing.HouseText;
import org.backstory.publishing.HtmlBodies;
import org.backstory.publishing.PublicationService;
import org.backstory.publishing.Slugs;
import org.backstory.publishing.Tag;
import org.backstory.publishing.Taxonomy;
import org.backstory.publishing.Visibility;
import org.backstory.publishing.Vocabulary;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates and changes articles for the Admin API through the newsroom's own
 * {@link ArticleDesk} (its permissions, revisions and audit log), each request in one
 * transaction, so a refused publish leaves no draft behind. A change must name the
 * {@code updated_at} it was based on; another one is Ghost's 409
 * {@code UPDATE_COLLISION}.
 */
@Component
class AdminPosts {

	/**
	 * Every field of Ghost's post a client may send: those Backstory keeps, and those it
	 * answers but ignores.
	 */
	static final Set<String> FIELDS = Set.of("title", "slug", "html", "lexical", "mobiledoc", "status", "visibility",
			"tags", "authors", "tiers", "custom_excerpt", "feature_image", "published_at", "updated_at", "meta_title",
			"meta_description", "og_image", "featured", "id", "uuid", "comment_id", "url", "excerpt", "reading_time",
			"created_at", "plaintext", "primary_tag", "primary_author", "access", "comments", "email_subject",
			"frontmatter", "feature_image_alt", "feature_image_caption", "codeinjection_head", "codeinjection_foot",
			"custom_template", "canonical_url", "og_title", "og_description", "twitter_image", "twitter_title",
			"twitter_description", "email_only", "email", "newsletter", "email_segment", "count", "type",
			"show_title_and_feature_image", "sent", "status_changed");

	private final ArticleDesk desk;

	private final ArticleEditor editor;

	private final Taxonomy taxonomy;

	private final PublicationService publication;

	private final ArticleVocabulary names;

	AdminPosts(ArticleDesk desk, ArticleEditor editor, Taxonomy taxonomy, PublicationService publication,
			ArticleVocabulary names) {
		this.names = names;
		this.desk = desk;
		this.publication = publication;
		this.editor = editor;
		this.taxonomy = taxonomy;
	}

	@Transactional
	long create(AdminInput input, SignedInMember caller) {
		String title = input.text("title");
		if (title == null || title.isBlank()) {
			throw AdminInput.invalid("A post needs a title.");
		}
		String slug = Objects.requireNonNullElseGet(input.text("slug"), () -> freeSlug(title));
		Vocabulary vocabulary = names.all();
		List<String> authors = authors(input, vocabulary);
		ArticleDraft draft = new ArticleDraft(null, slug, title,
				Objects.requireNonNullElse(input.text("custom_excerpt"), ""), "",
				authors == null ? List.of(names.authorFor(caller).slug()) : authors,
				Objects.requireNonNullElse(tags(input, vocabulary, caller), List.of()), null, null,
				input.text("feature_image"), visibility(input, Visibility.everyone()), seo(input, ArticleSeo.none()))
			.withText(body(input, HouseText.of("")));
		long id = desk.save(draft, null, null, false, caller).id();
		status(input, id, "draft", caller);
		return id;
	}

	@Transactional
	void update(long id, AdminInput input, SignedInMember caller) {
		Instant basedOn = input.instant("updated_at");
		if (basedOn == null) {
			throw AdminInput.invalid("updated_at is required: send the updated_at of the post you changed.");
		}
		EditableArticle current = desk.open(id, caller);
		Instant updatedAt = desk.forPreview(id, caller).updatedAt();
		if (!updatedAt.truncatedTo(ChronoUnit.MILLIS).equals(basedOn.truncatedTo(ChronoUnit.MILLIS))) {
			throw new GhostError(HttpStatus.CONFLICT, "UpdateCollisionError", AdminApiErrors.COLLISION,
					"The post was saved at " + GhostPosts.adminDate(updatedAt) + ".", "UPDATE_COLLISION");
		}
		ArticleDraft was = current.draft();
		Vocabulary vocabulary = names.all();
		List<String> authors = authors(input, vocabulary);
		List<String> tags = tags(input, vocabulary, caller);
		ArticleDraft draft = new ArticleDraft(id, Objects.requireNonNullElse(input.text("slug"), was.slug()),
				input.has("title") ? Objects.requireNonNullElse(input.text("title"), "") : was.title(),
				input.has("custom_excerpt") ? Objects.requireNonNullElse(input.text("custom_excerpt"), "") : was.dek(),
				"", authors == null ? was.authorSlugs() : authors, tags == null ? was.tagSlugs() : tags,
				was.storylineSlug(), was.storylinePosition(),
				input.has("feature_image") ? input.text("feature_image") : was.coverImageUrl(),
				visibility(input, was.visibility()), seo(input, was.seo()))
			.withText(body(input, was.text()))
			.withMeterExempt(was.meterExempt());
		desk.save(draft, current.version(), null, false, caller);
		status(input, id, current.status(), caller);
	}

	private void status(AdminInput input, long id, String current, SignedInMember caller) {
		String status = input.text("status");
		if (status == null) {
			return;
		}
		Instant at = input.instant("published_at");
		switch (status) {
			case "draft" -> {
				if (!current.equals("draft")) {
					desk.unpublish(id, caller);
				}
			}
			case "published" -> {
				if (!current.equals("published")) {
					desk.publishNow(id, caller);
				}
			}
			case "scheduled" -> {
				if (at == null) {
					throw AdminInput.invalid("A scheduled post needs published_at, a time in the future.");
				}
				desk.schedule(id, at, caller);
			}
			default -> throw AdminInput.invalid("status is draft, published or scheduled.");
		}
	}

	/**
	 * The posted html as Markdown, split into the house format's parts like every other
	 * road in; else {@code otherwise}.
	 */
	private HouseText body(AdminInput input, HouseText otherwise) {
		String html = input.text("html");
		if (html != null) {
			return HouseFormat.split(HtmlBodies.markdownOf(html), publication.labels());
		}
		if (input.text("lexical") != null || input.text("mobiledoc") != null) {
			throw AdminInput.invalid(
					"Backstory takes a post's content as html (with ?source=html), not as lexical or " + "mobiledoc.");
		}
		return otherwise;
	}

	private static Visibility visibility(AdminInput input, Visibility otherwise) {
		String visibility = input.text("visibility");
		List<AdminInput.Reference> tiers = input.references("tiers", List.of("slug", "id"));
		if (visibility == null) {
			return otherwise;
		}
		return switch (visibility) {
			case "public" -> Visibility.everyone();
			case "members" -> Visibility.members();
			case "paid" -> Visibility.paid();
			case "tiers" -> {
				if (tiers == null || tiers.isEmpty()) {
					throw AdminInput.invalid("A post for some tiers needs tiers: [{\"slug\": ...}].");
				}
				yield Visibility.tiers(new LinkedHashSet<>(tiers.stream().map(AdminInput.Reference::value).toList()));
			}
			default -> throw AdminInput.invalid("visibility is public, members, paid or tiers.");
		};
	}

	private static ArticleSeo seo(AdminInput input, ArticleSeo otherwise) {
		return new ArticleSeo(
				input.has("meta_title") ? Objects.requireNonNullElse(input.text("meta_title"), "") : otherwise.title(),
				input.has("meta_description") ? Objects.requireNonNullElse(input.text("meta_description"), "")
						: otherwise.description(),
				input.has("og_image") ? input.text("og_image") : otherwise.socialImageUrl());
	}

	/**
	 * The authors' slugs, each given by id, slug or a staff member's email; null when the
	 * field is absent.
	 */
	private static @Nullable List<String> authors(AdminInput input, Vocabulary vocabulary) {
		List<AdminInput.Reference> references = input.references("authors", List.of("id", "slug", "email"));
		if (references == null) {
			return null;
		}
		List<String> slugs = new ArrayList<>();
		for (AdminInput.Reference reference : references) {
			Author author = vocabulary.authors().stream().filter(candidate -> switch (reference.key()) {
				case "id" -> Long.toString(candidate.id()).equals(reference.value());
				case "slug" -> candidate.slug().equals(reference.value());
				default -> false;
			})
				.findFirst()
				.orElseThrow(() -> AdminInput.invalid("No author with " + reference.key() + " \"" + reference.value()
						+ "\" (give authors by id or slug)."));
			slugs.add(author.slug());
		}
		return slugs;
	}

	/**
	 * The tags' slugs, each given by name, slug or id. A tag named that does not exist
	 * yet is created, as Ghost does, when the caller may manage tags (an editor or
	 * above); otherwise it is a 422.
	 */
	private @Nullable List<String> tags(AdminInput input, Vocabulary vocabulary, SignedInMember caller) {
		List<AdminInput.Reference> references = input.references("tags", List.of("name", "slug", "id"));
		if (references == null) {
			return null;
		}
		List<String> slugs = new ArrayList<>();
		for (AdminInput.Reference reference : references) {
			String slug = vocabulary.tags().stream().filter(tag -> switch (reference.key()) {
				case "id" -> Long.toString(tag.id()).equals(reference.value());
				case "slug" -> tag.slug().equals(reference.value());
				default -> tag.name().equalsIgnoreCase(reference.value());
			}).findFirst().map(Tag::slug).orElseGet(() -> newTag(reference, caller));
			if (!slugs.contains(slug)) {
				slugs.add(slug);
			}
		}
		return slugs;
	}

	private String newTag(AdminInput.Reference reference, SignedInMember caller) {
		if (reference.key().equals("id") || !caller.role().atLeast(MemberRole.EDITOR)) {
			throw AdminInput.invalid("No tag with " + reference.key() + " \"" + reference.value() + "\".");
		}
		String slug = reference.key().equals("slug") ? reference.value() : Slugs.fromName(reference.value(), 100);
		return taxonomy.createTag(caller.id(), slug, reference.value(), "").slug();
	}

	private String freeSlug(String title) {
		String base = Slugs.fromName(title, 90);
		String slug = base.isEmpty() ? "untitled" : base;
		for (int n = 2; editor.idOfSlug(slug).isPresent(); n++) {
			slug = (base.isEmpty() ? "untitled" : base) + "-" + n;
		}
		return slug.toLowerCase(Locale.ROOT);
	}

}
