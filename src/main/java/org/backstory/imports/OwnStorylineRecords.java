package org.backstory.imports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.backstory.publishing.ArchivedArticle;
import org.backstory.publishing.Entity;
import org.backstory.publishing.EntityKind;
import org.backstory.publishing.EventDate;
import org.backstory.publishing.SourceLink;
import org.backstory.publishing.StorylineEvent;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import static org.backstory.imports.GhostExport.text;

/**
 * The backstory section's storyline events and entities, read back for a restore: rows
 * refer to storylines and articles by their Ghost ids, turned here into the ids the
 * restore keeps. Every refusal is an {@link IllegalArgumentException} naming the row,
 * which makes the import give new ids (and say why), as for the section's other rows.
 */
final class OwnStorylineRecords {

	private final JsonNode own;

	/** The section's article rows by Ghost post id. */
	private final Map<String, JsonNode> articles;

	/** The section's storyline rows by their Ghost id. */
	private final Map<String, JsonNode> storylines;

	OwnStorylineRecords(JsonNode own, Map<String, JsonNode> articles, Map<String, JsonNode> storylines) {
		this.own = own;
		this.articles = articles;
		this.storylines = storylines;
	}

	/** The events, by id; a section written before events were exported has none. */
	List<ArchivedArticle.Event> events() {
		List<ArchivedArticle.Event> events = new ArrayList<>();
		for (JsonNode row : own.path("storyline_events")) {
			long id = id(row, "storyline event");
			String what = "storyline event " + id;
			JsonNode storyline = storylines.get(text(row, "storyline_id"));
			if (storyline == null) {
				throw new IllegalArgumentException(what + " names a storyline that is not in the export");
			}
			EventDate date = EventDate.parse(text(row, "date"))
				.orElseThrow(() -> new IllegalArgumentException(what + " has no date"));
			List<SourceLink> sources = new ArrayList<>();
			row.path("sources")
				.forEach(source -> sources.add(new SourceLink(text(source, "url"), text(source, "label"))));
			events.add(
					new ArchivedArticle.Event(
							new StorylineEvent(id, id(storyline, "storyline"), date, text(row, "summary"),
									text(row, "quote"), text(row, "speaker"), sources,
									article(text(row, "post_id"), what), row.path("key_event").asBoolean(false)),
							OwnRows.createdAt(row, what)));
		}
		events.sort(Comparator.comparingLong(event -> event.event().id()));
		return events;
	}

	/** The entities with their aliases and rejected mentions, by id. */
	List<ArchivedArticle.KnownEntity> entities() {
		List<ArchivedArticle.KnownEntity> entities = new ArrayList<>();
		for (JsonNode row : own.path("entities")) {
			long id = id(row, "entity");
			String what = "entity " + text(row, "slug");
			EntityKind kind = EntityKind.ofCode(text(row, "kind"))
				.orElseThrow(() -> new IllegalArgumentException(what + " has no kind"));
			List<String> aliases = new ArrayList<>();
			row.path("aliases").forEach(alias -> aliases.add(alias.asString("")));
			List<Long> rejected = new ArrayList<>();
			for (JsonNode postId : row.path("rejected_post_ids")) {
				Optional.ofNullable(article(postId.asString(""), what)).ifPresent(rejected::add);
			}
			entities.add(new ArchivedArticle.KnownEntity(
					new Entity(id, kind, text(row, "slug"), text(row, "name"), text(row, "bio"), aliases),
					rejected.stream().sorted().toList(), OwnRows.createdAt(row, what)));
		}
		entities.sort(Comparator.comparingLong(entity -> entity.entity().id()));
		return entities;
	}

	/** The article id a Ghost post id names, or null for none. */
	private @Nullable Long article(String postId, String what) {
		if (postId.isEmpty()) {
			return null;
		}
		JsonNode article = articles.get(postId);
		if (article == null) {
			throw new IllegalArgumentException(what + " names an article that is not in the export");
		}
		return id(article, "article");
	}

	private static long id(JsonNode row, String what) {
		return OwnRows.id(row, what + " row has no id");
	}

}
