package org.backstory.imports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.backstory.publishing.ArchiveRestore;
import org.backstory.publishing.ArticleSeo;
import org.backstory.publishing.Slugs;
import org.backstory.publishing.Visibility;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import static org.backstory.imports.GhostExport.name;
import static org.backstory.imports.GhostExport.text;

/**
 * Reads the section Backstory's own export adds to a Ghost export
 * ({@code db[0].backstory}, which Ghost ignores): each article's Markdown, stored status,
 * visibility, storyline part, old slugs and times, and the publication's settings, plans,
 * newsletters, authors, tags and storylines with their ids, for an import into an empty
 * publication that keeps them ({@link SiteRestore}). A section in another format version
 * is not read (with a notice), and the file is read as a Ghost export.
 */
final class OwnSection {

	/**
	 * The version of the backstory section this reader understands
	 * ({@code format_version}).
	 */
	private static final int OWN_FORMAT = 1;

	private final JsonNode data;

	private final JsonNode own;

	private final boolean readable;

	/** The section's articles by Ghost post id; empty for Ghost's own exports. */
	private final Map<String, JsonNode> articles;

	/** The section's storylines by their Ghost id. */
	private final Map<String, JsonNode> storylines;

	OwnSection(JsonNode data, JsonNode own, List<ImportProblem> problems) {
		this.data = data;
		this.own = own;
		this.readable = own.path("format_version").asInt(0) == OWN_FORMAT;
		if (own.isObject() && !readable) {
			problems.add(ImportProblem.notice("db[0].backstory", "Backstory's section is in format "
					+ text(own, "format_version") + ", which this version cannot read: read as a Ghost export."));
		}
		this.articles = readable ? OwnRows.byKey(own.path("articles"), "post_id") : Map.of();
		this.storylines = readable ? OwnRows.byKey(own.path("storylines"), "storyline_id") : Map.of();
	}

	/** The section's row for a Ghost post, or null. */
	@Nullable JsonNode article(String postId) {
		return articles.get(postId);
	}

	/**
	 * The stored visibility, tiers as they were (a tier needs no plan here to be named by
	 * an article).
	 */
	static Visibility visibility(JsonNode article) {
		return switch (text(article, "visibility")) {
			case "members" -> Visibility.members();
			case "paid" -> Visibility.paid();
			case "tiers" -> {
				Set<String> tiers = new TreeSet<>();
				article.path("visibility_tiers").forEach(tier -> tiers.add(tier.asString("")));
				yield tiers.isEmpty() ? Visibility.paid() : Visibility.tiers(tiers);
			}
			default -> Visibility.everyone();
		};
	}

	/**
	 * The stored status: a draft, an email-only article, or one on the site (scheduled
	 * while its time is to come).
	 */
	static PostStatus status(JsonNode article, @Nullable Instant publishedAt, Instant now) {
		if (publishedAt == null || text(article, "status").equals("draft")) {
			return PostStatus.DRAFT;
		}
		if (!article.path("on_site").asBoolean(true)) {
			return PostStatus.EMAIL_ONLY;
		}
		return publishedAt.isAfter(now) ? PostStatus.SCHEDULED : PostStatus.PUBLISHED;
	}

	/**
	 * An image address as stored: a site address ({@code /media/...}, brought back with
	 * the archive's images) or a web address; null when empty.
	 */
	static @Nullable String link(JsonNode article, String field) {
		String url = text(article, field).strip();
		return url.isEmpty() ? null : url;
	}

	static ArticleSeo seo(JsonNode article) {
		return new ArticleSeo(text(article, "seo_title"), text(article, "seo_description"),
				link(article, "social_image_url"));
	}

	/**
	 * Whether an editor exempted the article from the free-article meters; an export
	 * older than the field says nothing, which reads as not exempt (as every article was
	 * before).
	 */
	static boolean meterExempt(JsonNode article) {
		return article.path("meter_exempt").asBoolean(false);
	}

	/**
	 * The article's id, times and editor switch, or null when the row lacks one of them.
	 */
	static ArchiveRestore.@Nullable RestoredStamps stamps(JsonNode article) {
		Instant created = ArchiveText.instant(text(article, "created_at"));
		Instant updated = ArchiveText.instant(text(article, "updated_at"));
		JsonNode id = article.path("id");
		if (created == null || updated == null || !id.canConvertToLong() || id.longValue() <= 0) {
			return null;
		}
		return new ArchiveRestore.RestoredStamps(id.longValue(), created, updated,
				article.path("author_may_publish").asBoolean(false));
	}

	/**
	 * The storyline part an article row names, or null (also when its storyline row is
	 * missing).
	 */
	PlannedPost.@Nullable PlannedStoryline storyline(JsonNode article, String where, List<ImportProblem> problems) {
		String storylineId = text(article, "storyline_id");
		if (storylineId.isEmpty()) {
			return null;
		}
		JsonNode storyline = storylines.get(storylineId);
		if (storyline == null) {
			problems.add(ImportProblem.notice(where, "Storyline " + storylineId + " is not in the export; left out."));
			return null;
		}
		JsonNode position = article.path("storyline_position");
		String title = name(text(storyline, "title"), 200);
		return new PlannedPost.PlannedStoryline(ArchiveText.slug(text(storyline, "slug"), title, storylineId),
				title.isEmpty() ? text(storyline, "slug") : title, name(text(storyline, "description"), 2000),
				position.canConvertToInt() && position.intValue() > 0 ? position.intValue() : null);
	}

	/**
	 * The article's old slugs that are valid slugs other than its own; the site keeps
	 * them redirecting.
	 */
	static List<String> oldSlugs(JsonNode article, String slug) {
		List<String> old = new ArrayList<>();
		for (String alias : OwnRows.strings(article.path("slug_aliases"))) {
			if (Slugs.fromName(alias, ArchiveText.MAX_SLUG).equals(alias) && !alias.equals(slug)
					&& !old.contains(alias)) {
				old.add(alias);
			}
		}
		return old;
	}

	/**
	 * The publication, plans, newsletters, authors, tags, storylines, entities and
	 * storyline events to restore, or null when the section is not there or a row lacks
	 * an id or time (then the import gives new ids, and says so).
	 */
	@Nullable SiteRestore site(List<ImportProblem> problems) {
		if (!readable) {
			return null;
		}
		try {
			OwnSiteRecords site = new OwnSiteRecords(data, own);
			OwnStorylineRecords records = new OwnStorylineRecords(own, articles, storylines);
			return new SiteRestore(site.publication(), site.labels(), site.plans(), site.newsletters(), site.authors(),
					site.tags(), site.storylines(), records.entities(), records.events(), List.of(), null);
		}
		catch (IllegalArgumentException ex) {
			problems.add(ImportProblem.notice("db[0].backstory", "Backstory's section cannot be restored as it is ("
					+ ex.getMessage() + "): imported with new ids, without plans, newsletters and settings."));
			return null;
		}
	}

}
