package org.backstory.imports;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.backstory.publishing.Visibility;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import static org.backstory.imports.GhostExport.text;

/**
 * How a Ghost post's visibility, status and images become Backstory's, each change or
 * omission listed as a notice for the dry run.
 */
final class GhostPostFields {

	private final Set<String> tiers;

	private final Instant now;

	private final List<ImportProblem> problems;

	/**
	 * @param tiers the tier codes Backstory's plans offer, which Ghost's tiers are
	 * matched to by slug
	 * @param problems where the notices go
	 */
	GhostPostFields(Set<String> tiers, Instant now, List<ImportProblem> problems) {
		this.tiers = tiers;
		this.now = now;
		this.problems = problems;
	}

	/**
	 * Ghost's visibility; tiers are matched to Backstory's by slug, and an unknown one
	 * falls back to paid.
	 */
	Visibility visibility(JsonNode post, List<String> productIds, Map<String, JsonNode> products, String where) {
		String visibility = text(post, "visibility");
		switch (visibility) {
			case "public", "" -> {
				return Visibility.everyone();
			}
			case "members" -> {
				return Visibility.members();
			}
			case "paid" -> {
				return Visibility.paid();
			}
			case "tiers" -> {
				Set<String> matched = new HashSet<>();
				for (String productId : productIds) {
					JsonNode product = products.get(productId);
					if (product != null && "free".equals(text(product, "type"))) {
						return Visibility.members();
					}
					String slug = product == null ? productId : text(product, "slug");
					if (tiers.contains(slug)) {
						matched.add(slug);
					}
					else {
						problems.add(ImportProblem.notice(where,
								"Tier \"" + slug + "\" has no plan here (plans' tier codes: "
										+ String.join(", ", tiers.stream().sorted().toList())
										+ "); left out of the article's tiers."));
					}
				}
				if (matched.isEmpty()) {
					problems.add(ImportProblem.notice(where,
							"None of the post's tiers has a plan here: every paying subscriber may read it."));
					return Visibility.paid();
				}
				return Visibility.tiers(matched);
			}
			default -> {
				problems
					.add(ImportProblem.notice(where, "Unknown visibility \"" + visibility + "\": imported as paid."));
				return Visibility.paid();
			}
		}
	}

	PostStatus status(JsonNode post, JsonNode meta, @Nullable Instant publishedAt, String where) {
		String status = text(post, "status");
		if (publishedAt == null && !status.equals("draft")) {
			problems.add(ImportProblem.notice(where, "No published_at: imported as a draft."));
			return PostStatus.DRAFT;
		}
		return switch (status) {
			case "published" -> meta.path("email_only").asBoolean(false) ? PostStatus.EMAIL_ONLY : PostStatus.PUBLISHED;
			case "sent" -> PostStatus.EMAIL_ONLY;
			case "scheduled" -> {
				if (publishedAt.isAfter(now)) {
					yield PostStatus.SCHEDULED;
				}
				problems.add(ImportProblem.notice(where, "Scheduled for a time that has passed: imported as a draft."));
				yield PostStatus.DRAFT;
			}
			case "draft" -> PostStatus.DRAFT;
			default -> {
				problems.add(ImportProblem.notice(where, "Unknown status \"" + status + "\": imported as a draft."));
				yield PostStatus.DRAFT;
			}
		};
	}

	/**
	 * An image is kept as a link (and listed) when it has a web address; one stored on
	 * the Ghost site itself ({@code __GHOST_URL__/content/images/...}) is not in the
	 * export, so it is left out and listed.
	 */
	@Nullable String image(String url, String what, String where) {
		String image = url.strip();
		if (image.isEmpty()) {
			return null;
		}
		if (image.startsWith("https://") || image.startsWith("http://")) {
			problems.add(ImportProblem.notice(where, what + " " + image
					+ ": copied into the media library at import if it can be fetched, else kept as a link."));
			return image;
		}
		problems.add(ImportProblem.notice(where, what + " " + image.replace("__GHOST_URL__", "")
				+ " was a file on the Ghost site and is not in the export: left out; upload it again."));
		return null;
	}

}
