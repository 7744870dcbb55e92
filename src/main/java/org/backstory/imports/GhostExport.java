package org.backstory.imports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.backstory.imports.PlannedPost.PlannedAuthor;
import org.backstory.imports.PlannedPost.PlannedTag;
import org.backstory.publishing.ArticleSeo;
import org.backstory.publishing.HouseFormat;
import org.backstory.publishing.HouseLabels;
import org.backstory.publishing.HouseText;
import org.backstory.publishing.HtmlBodies;
import org.backstory.publishing.Tag;
import org.backstory.publishing.Visibility;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * Reads Ghost's JSON export ({@code {db:[{meta,data}]}} or a bare {@code {meta,data}}, as
 * Ghost's own importer accepts): posts with their meta, tags, authors and tiers. Pages
 * are skipped and listed (Backstory has no pages), as are internal tags ({@code #name}:
 * Ghost never shows them to readers). Members are not in this export; they come through
 * the member CSV. When the file is Backstory's own export, its section
 * {@code db[0].backstory} (which Ghost ignores, read by {@link OwnSection}) gives each
 * article back what Ghost has no column for: the Markdown it is written in (rather than
 * the html rendered from it), its stored status and visibility, its storyline part, its
 * old slugs, and its id and times.
 */
final class GhostExport {

	private final JsonNode data;

	private final Instant now;

	private final List<ImportProblem> problems = new ArrayList<>();

	/** Backstory's own section; empty for Ghost's own exports. */
	private final OwnSection own;

	private final GhostPostFields fields;

	/**
	 * @param tiers the tier codes Backstory's plans offer, which Ghost's tiers are
	 * matched to by slug
	 */
	private GhostExport(JsonNode data, JsonNode own, Set<String> tiers, Instant now) {
		this.data = data;
		this.now = now;
		this.own = new OwnSection(data, own, problems);
		this.fields = new GhostPostFields(tiers, now, problems);
	}

	static ArchivePlan read(JsonNode root, Set<String> tiers, Instant now) {
		JsonNode db = root.path("db").isArray() ? root.path("db").path(0) : root;
		JsonNode data = db.path("data");
		if (!data.isObject() || !data.path("posts").isArray()) {
			return ArchivePlan.refused(ImportSource.GHOST, "the JSON file",
					"This JSON is not a Ghost export: it has no db[0].data.posts (Ghost: Settings → Labs → Export your content).");
		}
		return new GhostExport(data, db.path("backstory"), tiers, now).plan();
	}

	private ArchivePlan plan() {
		Map<String, JsonNode> meta = byKey("posts_meta", "post_id");
		Map<String, JsonNode> tags = byKey("tags", "id");
		Map<String, JsonNode> users = byKey("users", "id");
		Map<String, JsonNode> products = byKey("products", "id");
		Map<String, List<String>> postTags = links("posts_tags", "tag_id");
		Map<String, List<String>> postAuthors = links("posts_authors", "author_id");
		Map<String, List<String>> postProducts = links("posts_products", "product_id");
		List<PlannedPost> posts = new ArrayList<>();
		Set<String> slugs = new HashSet<>();
		Set<String> internalTags = new LinkedHashSet<>();
		JsonNode rows = data.path("posts");
		for (int i = 0; i < rows.size(); i++) {
			JsonNode post = rows.path(i);
			String id = text(post, "id");
			String title = text(post, "title").strip();
			String where = "posts[" + i + "] \"" + (title.isEmpty() ? text(post, "slug") : title) + "\"";
			if (id.isEmpty()) {
				problems.add(ImportProblem.blocking(where, "The post has no id."));
				continue;
			}
			if ("page".equals(text(post, "type"))) {
				problems.add(ImportProblem.notice(where, "A page (/" + text(post, "slug")
						+ "/): skipped, Backstory has no pages yet; recreate it by hand."));
				continue;
			}
			JsonNode own = this.own.article(id);
			HouseText markdown;
			boolean marker;
			if (own != null) {
				markdown = new HouseText(text(own, "markdown"), text(own, "background_markdown"),
						text(own, "now_markdown"));
				marker = HtmlBodies
					.hasPaywall(markdown.body() + "\n\n" + markdown.background() + "\n\n" + markdown.now());
			}
			else {
				HtmlBody.Converted body = HtmlBody.convert(text(post, "html"), HtmlBody.Flavour.GHOST);
				if (body.broken() != null) {
					problems.add(ImportProblem.blocking(where, "The post's html is " + body.broken() + "."));
					continue;
				}
				markdown = HouseFormat.split(body.markdown(), HouseLabels.DEFAULTS);
				marker = body.marker();
			}
			JsonNode postMeta = meta.getOrDefault(id, MissingNode.getInstance());
			String slug = unique(ArchiveText.slug(text(post, "slug"), title, id), slugs);
			List<PlannedTag> planned = new ArrayList<>();
			for (String tagId : postTags.getOrDefault(id, List.of())) {
				JsonNode tag = tags.get(tagId);
				if (tag == null) {
					problems.add(ImportProblem.notice(where, "Tag " + tagId + " is not in the export; left out."));
				}
				else if (text(tag, "name").startsWith("#") || "internal".equals(text(tag, "visibility"))) {
					internalTags.add(text(tag, "name"));
				}
				else {
					planned.add(new PlannedTag(ArchiveText.slug(text(tag, "slug"), text(tag, "name"), tagId),
							name(text(tag, "name"), 80), name(text(tag, "description"), Tag.MAX_DESCRIPTION)));
				}
			}
			List<PlannedAuthor> authors = new ArrayList<>();
			for (String userId : postAuthors.getOrDefault(id, List.of())) {
				JsonNode user = users.get(userId);
				if (user == null) {
					problems.add(ImportProblem.notice(where, "Author " + userId + " is not in the export; left out."));
				}
				else {
					authors.add(new PlannedAuthor(ArchiveText.slug(text(user, "slug"), text(user, "name"), userId),
							name(text(user, "name"), 120), text(user, "email").strip(), name(text(user, "bio"), 2000)));
				}
			}
			Visibility visibility = own != null ? OwnSection.visibility(own)
					: fields.visibility(post, postProducts.getOrDefault(id, List.of()), products, where);
			Instant publishedAt = instant(own != null ? own : post, "published_at");
			PostStatus status = own != null ? OwnSection.status(own, publishedAt, now)
					: fields.status(post, postMeta, publishedAt, where);
			String feature = own != null ? OwnSection.link(own, "cover_image_url")
					: fields.image(text(post, "feature_image"), "Feature image", where);
			ArticleSeo seo = own != null ? OwnSection.seo(own)
					: new ArticleSeo(text(postMeta, "meta_title"), text(postMeta, "meta_description"),
							fields.image(text(postMeta, "og_image"), "Social image", where));
			posts.add(new PlannedPost(where, id, title, slug, ArchiveText.dek(text(post, "custom_excerpt")), markdown,
					visibility, status, status == PostStatus.DRAFT ? null : publishedAt, dedupedTags(planned),
					authors.stream().distinct().toList(), feature, seo, marker,
					own == null ? null : this.own.storyline(own, where, problems),
					own == null ? List.of() : OwnSection.oldSlugs(own, slug),
					own != null && OwnSection.meterExempt(own), own == null ? null : OwnSection.stamps(own)));
		}
		internalTags.forEach(tag -> problems.add(ImportProblem.notice("tags \"" + tag + "\"",
				"An internal tag: left out (Backstory has no internal tags).")));
		return new ArchivePlan(ImportSource.GHOST, posts, List.of(), problems, own.site(problems));
	}

	private @Nullable Instant instant(JsonNode row, String field) {
		JsonNode value = row.path(field);
		if (value.isNumber()) {
			return Instant.ofEpochMilli(value.longValue());
		}
		return ArchiveText.instant(text(row, field));
	}

	private static List<PlannedTag> dedupedTags(List<PlannedTag> tags) {
		Map<String, PlannedTag> bySlug = new LinkedHashMap<>();
		tags.forEach(tag -> bySlug.putIfAbsent(tag.slug(), tag));
		return List.copyOf(bySlug.values());
	}

	/**
	 * Two posts of one export cannot share a slug in Backstory; a later one gets a
	 * number.
	 */
	static String unique(String slug, Set<String> taken) {
		String candidate = slug;
		for (int n = 2; !taken.add(candidate); n++) {
			String suffix = "-" + n;
			candidate = (slug.length() + suffix.length() > ArchiveText.MAX_SLUG
					? slug.substring(0, ArchiveText.MAX_SLUG - suffix.length()) : slug) + suffix;
		}
		return candidate;
	}

	static String name(String text, int max) {
		String name = text.strip();
		return name.length() > max ? name.substring(0, max) : name;
	}

	private Map<String, JsonNode> byKey(String table, String key) {
		return OwnRows.byKey(data.path(table), key);
	}

	/** A link table's targets per post, in {@code sort_order}. */
	private Map<String, List<String>> links(String table, String target) {
		Map<String, List<JsonNode>> rows = new HashMap<>();
		data.path(table).forEach(row -> rows.computeIfAbsent(text(row, "post_id"), k -> new ArrayList<>()).add(row));
		Map<String, List<String>> links = new HashMap<>();
		rows.forEach((post, list) -> links.put(post,
				list.stream()
					.sorted(Comparator.comparingInt(row -> row.path("sort_order").asInt(0)))
					.map(row -> text(row, target))
					.toList()));
		return links;
	}

	static String text(JsonNode row, String field) {
		JsonNode value = row.path(field);
		if (value.isMissingNode() || value.isNull()) {
			return "";
		}
		return value.isString() ? value.stringValue("") : value.asString();
	}

}
