package org.backstory.imports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

import org.backstory.billing.NewPlan;
import org.backstory.newsletters.NewsletterSettings;
import org.backstory.publishing.ArchivedArticle;
import org.backstory.publishing.HouseLabels;
import org.backstory.publishing.Publication;
import tools.jackson.databind.JsonNode;

import static org.backstory.imports.GhostExport.text;

/**
 * The backstory section's publication, section labels, plans, newsletters, authors, tags
 * and storylines, read back with their ids for a restore; newsletters, authors and tags
 * join the Ghost rows they extend. Every refusal is an {@link IllegalArgumentException}
 * naming the row, which makes the import give new ids (and say why).
 */
final class OwnSiteRecords {

	private final JsonNode data;

	private final JsonNode own;

	OwnSiteRecords(JsonNode data, JsonNode own) {
		this.data = data;
		this.own = own;
	}

	Publication publication() {
		JsonNode p = own.path("publication");
		if (text(p, "name").isBlank()) {
			throw new IllegalArgumentException("it has no publication name");
		}
		String logo = text(p, "logo_url");
		return new Publication(text(p, "name"), text(p, "tagline"), text(p, "accent_color"),
				logo.isEmpty() ? null : logo, text(p, "legal_name"), text(p, "postal_address"));
	}

	/**
	 * The section labels; an export made before they were settings has none, and gets the
	 * defaults.
	 */
	HouseLabels labels() {
		JsonNode p = own.path("publication");
		String background = text(p, "background_label");
		String now = text(p, "now_label");
		if (background.isEmpty() && now.isEmpty()) {
			return HouseLabels.DEFAULTS;
		}
		for (String label : List.of(background, now)) {
			if (label.isBlank() || label.length() > HouseLabels.MAX_LENGTH
					|| label.chars().anyMatch(Character::isISOControl)) {
				throw new IllegalArgumentException(
						"a section label is not 1 to " + HouseLabels.MAX_LENGTH + " characters on one line");
			}
		}
		return new HouseLabels(background, now);
	}

	List<SiteRestore.RestoredPlan> plans() {
		List<SiteRestore.RestoredPlan> plans = new ArrayList<>();
		for (JsonNode row : own.path("plans")) {
			plans.add(new SiteRestore.RestoredPlan(
					new NewPlan(text(row, "code"), text(row, "name"), text(row, "tier"), text(row, "description"),
							text(row, "currency").toUpperCase(Locale.ROOT), row.path("monthly_price").asLong(0),
							row.path("yearly_price").asLong(0), row.path("display_order").asInt(0),
							row.path("trial_days").asInt(0)),
					row.path("active").asBoolean(true), OwnRows.createdAt(row, "plan " + text(row, "code"))));
		}
		return plans;
	}

	List<NewsletterSettings> newsletters() {
		Map<String, JsonNode> ghost = OwnRows.byKey(data.path("newsletters"), "slug");
		List<JsonNode> rows = new ArrayList<>();
		own.path("newsletters").forEach(rows::add);
		rows.sort(Comparator.comparingInt(row -> row.path("position").asInt(0)));
		List<NewsletterSettings> newsletters = new ArrayList<>();
		for (JsonNode row : rows) {
			JsonNode letter = ghost.get(text(row, "slug"));
			if (letter == null) {
				throw new IllegalArgumentException("newsletter " + text(row, "slug") + " is not in data.newsletters");
			}
			String replyTo = text(row, "reply_to");
			newsletters.add(new NewsletterSettings(text(row, "slug"), text(letter, "name"), text(letter, "description"),
					text(letter, "sender_name"), text(letter, "sender_email"), replyTo.isEmpty() ? null : replyTo,
					row.path("default_on").asBoolean(false)));
		}
		return newsletters;
	}

	List<SiteRestore.RestoredAuthor> authors() {
		List<SiteRestore.RestoredAuthor> authors = joined("authors", "user_id", "users", (row, user) -> {
			String staff = text(row, "staff_email");
			return new SiteRestore.RestoredAuthor(id(row), text(user, "slug"), text(user, "name"), text(row, "bio"),
					staff.isEmpty() ? null : staff, OwnRows.createdAt(user, "author " + text(user, "slug")));
		});
		authors.sort(Comparator.comparingLong(SiteRestore.RestoredAuthor::id));
		return authors;
	}

	List<ArchivedArticle.Tag> tags() {
		List<ArchivedArticle.Tag> tags = joined("tags", "tag_id", "tags",
				(row, tag) -> new ArchivedArticle.Tag(id(row), text(tag, "slug"), text(tag, "name"),
						text(tag, "description"), OwnRows.strings(row.path("aliases")),
						OwnRows.createdAt(tag, "tag " + text(tag, "slug"))));
		tags.sort(Comparator.comparingLong(ArchivedArticle.Tag::id));
		return tags;
	}

	/**
	 * Each row of the section's {@code table} with the Ghost row of {@code ghostTable}
	 * its {@code link} names.
	 * @throws IllegalArgumentException when a row names no Ghost row
	 */
	private <T> List<T> joined(String table, String link, String ghostTable, BiFunction<JsonNode, JsonNode, T> row) {
		Map<String, JsonNode> ghost = OwnRows.byKey(data.path(ghostTable), "id");
		List<T> joined = new ArrayList<>();
		for (JsonNode own : this.own.path(table)) {
			JsonNode other = ghost.get(text(own, link));
			if (other == null) {
				throw new IllegalArgumentException(
						table + " row " + text(own, "slug") + " is not in data." + ghostTable);
			}
			joined.add(row.apply(own, other));
		}
		return joined;
	}

	List<ArchivedArticle.Storyline> storylines() {
		List<ArchivedArticle.Storyline> restored = new ArrayList<>();
		for (JsonNode row : own.path("storylines")) {
			restored.add(new ArchivedArticle.Storyline(id(row), text(row, "slug"), text(row, "title"),
					text(row, "description"), OwnRows.strings(row.path("aliases")),
					OwnRows.createdAt(row, "storyline " + text(row, "slug"))));
		}
		restored.sort(Comparator.comparingLong(ArchivedArticle.Storyline::id));
		return restored;
	}

	private static long id(JsonNode row) {
		return OwnRows.id(row, "a row has no id: " + row.path("slug").asString(""));
	}

}
