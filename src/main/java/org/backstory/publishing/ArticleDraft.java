package org.backstory.publishing;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What an author writes: the content of a new article, or the new content of an existing
 * one. Saving it through {@link ArticleEditor#save(ArticleDraft)} validates it and
 * renders the body; it does not publish.
 *
 * @param id null for a new article, otherwise the article to update
 * @param slug the URL slug: lowercase letters and digits in words joined by single
 * hyphens, at most 100 characters
 * @param title the headline, 1 to 200 characters
 * @param dek the one-line summary, at most 300 characters (may be empty)
 * @param bodyMarkdown the body in Markdown: the opening of a piece in the house format
 * (may be empty), otherwise the whole free-standing text. A gated free-standing body ends
 * its free preview at a line {@code <!-- paywall -->}, otherwise at the first two
 * paragraphs cut to at most 150 words and half the article (so something is always
 * gated); H2 headings "Before you read" and "What's going on now" in it still open styled
 * sections
 * @param backgroundMarkdown the background part of a piece in the house format, or empty;
 * the free preview of a gated piece ends after it, and it may not hold the paywall marker
 * @param nowMarkdown the now part of a piece in the house format, or empty; gated in a
 * gated piece, from a paywall marker in it on if it has one
 * @param authorSlugs existing authors' slugs, in byline order; at least one
 * @param tagSlugs existing tags' slugs, in display order (may be empty)
 * @param storylineSlug an existing storyline's slug, or null
 * @param storylinePosition the article's place in the storyline from 1 (unique within
 * it); null puts it after the storyline's last article; must be null without a storyline
 * @param coverImageUrl an http or https image address, or null
 * @param visibility who may read all of it
 * @param seo the search and social fields (public; at most 200 characters of title and
 * 300 of description)
 * @param meterExempt whether the free-article meters never open it; kept only for a paid
 * or tier article (for any other visibility it is false, as there is nothing to meter)
 */
public record ArticleDraft(@Nullable Long id, String slug, String title, String dek, String bodyMarkdown,
		String backgroundMarkdown, String nowMarkdown, List<String> authorSlugs, List<String> tagSlugs,
		@Nullable String storylineSlug, @Nullable Integer storylinePosition, @Nullable String coverImageUrl,
		Visibility visibility, ArticleSeo seo, boolean meterExempt) {

	public ArticleDraft {
		authorSlugs = List.copyOf(authorSlugs);
		tagSlugs = List.copyOf(tagSlugs);
		meterExempt = meterExempt && visibility.paidOnly();
	}

	/** A draft the meters may open. */
	public ArticleDraft(@Nullable Long id, String slug, String title, String dek, String bodyMarkdown,
			String backgroundMarkdown, String nowMarkdown, List<String> authorSlugs, List<String> tagSlugs,
			@Nullable String storylineSlug, @Nullable Integer storylinePosition, @Nullable String coverImageUrl,
			Visibility visibility, ArticleSeo seo) {
		this(id, slug, title, dek, bodyMarkdown, backgroundMarkdown, nowMarkdown, authorSlugs, tagSlugs, storylineSlug,
				storylinePosition, coverImageUrl, visibility, seo, false);
	}

	/** A draft with a free-standing body, not in the house format. */
	public ArticleDraft(@Nullable Long id, String slug, String title, String dek, String bodyMarkdown,
			List<String> authorSlugs, List<String> tagSlugs, @Nullable String storylineSlug,
			@Nullable Integer storylinePosition, @Nullable String coverImageUrl, Visibility visibility,
			ArticleSeo seo) {
		this(id, slug, title, dek, bodyMarkdown, "", "", authorSlugs, tagSlugs, storylineSlug, storylinePosition,
				coverImageUrl, visibility, seo);
	}

	/**
	 * A draft with a free-standing body and without search or social fields of its own.
	 */
	public ArticleDraft(@Nullable Long id, String slug, String title, String dek, String bodyMarkdown,
			List<String> authorSlugs, List<String> tagSlugs, @Nullable String storylineSlug,
			@Nullable Integer storylinePosition, @Nullable String coverImageUrl, Visibility visibility) {
		this(id, slug, title, dek, bodyMarkdown, authorSlugs, tagSlugs, storylineSlug, storylinePosition, coverImageUrl,
				visibility, ArticleSeo.none());
	}

	/** The same content as a change to the article with this id. */
	public ArticleDraft withId(long articleId) {
		return new ArticleDraft(articleId, slug, title, dek, bodyMarkdown, backgroundMarkdown, nowMarkdown, authorSlugs,
				tagSlugs, storylineSlug, storylinePosition, coverImageUrl, visibility, seo, meterExempt);
	}

	/**
	 * The same draft, exempt from the meters or not (for a paid or tier article; see
	 * {@link #meterExempt()}).
	 */
	public ArticleDraft withMeterExempt(boolean exempt) {
		return new ArticleDraft(id, slug, title, dek, bodyMarkdown, backgroundMarkdown, nowMarkdown, authorSlugs,
				tagSlugs, storylineSlug, storylinePosition, coverImageUrl, visibility, seo, exempt);
	}

	/** The text in its three parts. */
	public HouseText text() {
		return new HouseText(bodyMarkdown, backgroundMarkdown, nowMarkdown);
	}

	/**
	 * The same draft with this text (for instance a body split by {@link HouseFormat}).
	 */
	public ArticleDraft withText(HouseText text) {
		return new ArticleDraft(id, slug, title, dek, text.body(), text.background(), text.now(), authorSlugs, tagSlugs,
				storylineSlug, storylinePosition, coverImageUrl, visibility, seo, meterExempt);
	}

}
