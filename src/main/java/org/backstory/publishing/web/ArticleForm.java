package org.backstory.publishing.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.backstory.publishing.ArticleDraft;
import org.backstory.publishing.ArticleSeo;
import org.backstory.publishing.BackgroundRequest;
import org.backstory.publishing.EditableArticle;
import org.backstory.publishing.HouseText;
import org.backstory.publishing.InvalidArticleException;
import org.backstory.publishing.Visibility;
import org.jspecify.annotations.Nullable;

/**
 * The editor's form as posted (by the Save button or by autosave). Authors and tags are
 * slugs separated by commas, in order; tiers are codes separated by commas.
 *
 * @param version the article's version the text was based on; null for a new article
 * @param body the opening of a piece in the house format, or the whole free-standing text
 * @param background the house format's background part (empty for a free-standing piece)
 * @param now the house format's now part (empty for a free-standing piece)
 * @param authorMayPublishShown set when the editor showed the "author may publish"
 * switch, so an unticked box means "no" rather than "not shown"
 * @param meterExempt set when "Never open this article through the free-article meter" is
 * ticked (the editor always shows it; it counts for paid and tier articles only)
 */
public record ArticleForm(@Nullable Long id, @Nullable Integer version, @Nullable String slug, @Nullable String title,
		@Nullable String dek, @Nullable String body, @Nullable String background, @Nullable String now,
		@Nullable String authors, @Nullable String tags, @Nullable String storyline, @Nullable String storylinePosition,
		@Nullable String coverImageUrl, @Nullable String seoTitle, @Nullable String seoDescription,
		@Nullable String socialImageUrl, @Nullable String visibility, @Nullable String tiers,
		@Nullable String authorMayPublish, @Nullable String authorMayPublishShown, @Nullable String meterExempt) {

	static ArticleForm blank(String authorSlug) {
		return new ArticleForm(null, null, "", "", "", "", "", "", authorSlug, "", "", "", "", "", "", "", "public", "",
				null, null, null);
	}

	static ArticleForm of(EditableArticle article) {
		ArticleDraft draft = article.draft();
		return new ArticleForm(article.id(), article.version(), draft.slug(), draft.title(), draft.dek(),
				draft.bodyMarkdown(), draft.backgroundMarkdown(), draft.nowMarkdown(),
				String.join(", ", draft.authorSlugs()), String.join(", ", draft.tagSlugs()),
				draft.storylineSlug() == null ? "" : draft.storylineSlug(),
				draft.storylinePosition() == null ? "" : draft.storylinePosition().toString(),
				text(draft.coverImageUrl()), draft.seo().title(), draft.seo().description(),
				text(draft.seo().socialImageUrl()), draft.visibility().level().name().toLowerCase(Locale.ROOT),
				String.join(", ", draft.visibility().tiers().stream().sorted().toList()),
				article.authorMayPublish() ? "true" : null, null, draft.meterExempt() ? "true" : null);
	}

	/**
	 * The same form for the article with this id (null: a new article), whatever id was
	 * posted.
	 */
	ArticleForm withId(@Nullable Long articleId) {
		return new ArticleForm(articleId, version, slug, title, dek, body, background, now, authors, tags, storyline,
				storylinePosition, coverImageUrl, seoTitle, seoDescription, socialImageUrl, visibility, tiers,
				authorMayPublish, authorMayPublishShown, meterExempt);
	}

	/**
	 * The draft this form describes.
	 * @throws InvalidArticleException if a field cannot be read at all (checks of the
	 * content come later)
	 */
	ArticleDraft draft() {
		List<String> problems = new ArrayList<>();
		Integer position = null;
		if (!text(storylinePosition).isEmpty()) {
			try {
				position = Integer.valueOf(text(storylinePosition));
			}
			catch (NumberFormatException ex) {
				problems.add("The storyline position must be a whole number.");
			}
		}
		Visibility.Level level = Arrays.stream(Visibility.Level.values())
			.filter(candidate -> candidate.name().equalsIgnoreCase(text(visibility)))
			.findFirst()
			.orElse(null);
		Set<String> tierCodes = new LinkedHashSet<>(list(tiers));
		if (level == null) {
			problems.add("Choose who may read the article.");
		}
		else if (level == Visibility.Level.TIERS && tierCodes.isEmpty()) {
			problems.add("Name at least one tier code for a tiers-only article.");
		}
		if (!problems.isEmpty()) {
			throw new InvalidArticleException(problems);
		}
		Visibility shown = level == Visibility.Level.TIERS ? Visibility.tiers(tierCodes)
				: new Visibility(level, Set.of());
		return new ArticleDraft(id, text(slug), text(title), text(dek), orEmpty(body), orEmpty(background),
				orEmpty(now), list(authors), list(tags), nullIfBlank(storyline), position, nullIfBlank(coverImageUrl),
				shown, new ArticleSeo(text(seoTitle), text(seoDescription), nullIfBlank(socialImageUrl)),
				meterExempt != null);
	}

	/**
	 * The article as the "Suggest background" panel reads it: storyline, title, dek, text
	 * and tags as typed.
	 */
	BackgroundRequest backgroundRequest() {
		return new BackgroundRequest(id, nullIfBlank(storyline), text(title), text(dek), text(), list(tags));
	}

	/** The text as posted, in its three parts. */
	HouseText text() {
		return new HouseText(orEmpty(body), orEmpty(background), orEmpty(now));
	}

	/** Whether the article is gated as posted. */
	boolean gated() {
		return gated(visibility);
	}

	/**
	 * Whether a posted visibility is gated: anything but "public" counts, so a garbled
	 * value fails closed.
	 */
	static boolean gated(@Nullable String visibility) {
		return !"public".equalsIgnoreCase(text(visibility));
	}

	/** The "author may publish" switch as posted: null when the form did not show it. */
	@Nullable Boolean authorMayPublishChoice() {
		return authorMayPublishShown == null ? null : authorMayPublish != null;
	}

	public boolean authorMayPublishTicked() {
		return authorMayPublish != null;
	}

	public boolean meterExemptTicked() {
		return meterExempt != null;
	}

	private static List<String> list(@Nullable String commaSeparated) {
		return Arrays.stream(text(commaSeparated).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	private static String orEmpty(@Nullable String value) {
		return value == null ? "" : value;
	}

	private static String text(@Nullable String value) {
		return value == null ? "" : value.strip();
	}

	private static @Nullable String nullIfBlank(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
