package org.backstory.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.backstory.demo.DemoContent.DemoArticle;
import org.backstory.publishing.ArticleDraft;
import org.backstory.publishing.HouseFormat;
import org.backstory.publishing.HouseLabels;
import org.backstory.publishing.ArticleEditor;
import org.backstory.publishing.Entities;
import org.backstory.publishing.EventDraft;
import org.backstory.publishing.Publication;
import org.backstory.publishing.PublicationService;
import org.backstory.publishing.StorylineEvents;
import org.backstory.publishing.SystemPublisher;
import org.backstory.publishing.TaxonomyCreator;
import org.backstory.publishing.Visibility;
import org.springframework.stereotype.Component;

/**
 * Writes the demo publication (settings, writers, tags, storylines, entities, articles,
 * then the storylines' events) through the publishing API.
 */
@Component
class DemoPublication {

	private final Map<String, Long> storylineIds = new HashMap<>();

	private final PublicationService publications;

	private final ArticleEditor editor;

	private final StorylineEvents events;

	private final Entities entities;

	private final Clock clock;

	private final TaxonomyCreator taxonomy;

	private final SystemPublisher publisher;

	DemoPublication(PublicationService publications, ArticleEditor editor, StorylineEvents events, Entities entities,
			Clock clock, TaxonomyCreator taxonomy, SystemPublisher publisher) {
		this.publisher = publisher;
		this.taxonomy = taxonomy;
		this.publications = publications;
		this.editor = editor;
		this.events = events;
		this.entities = entities;
		this.clock = clock;
	}

	void seed(DemoContent content) {
		Map<String, String> settings = content.publication();
		publications.update(new Publication(settings.get("name"), settings.get("tagline"), settings.get("accent_color"),
				null, settings.getOrDefault("legal_name", ""), settings.getOrDefault("postal_address", "")));
		content.authors().forEach(author -> taxonomy.createAuthor(author.get(0), author.get(1), author.get(2), null));
		content.tags().forEach(tag -> taxonomy.createTag(tag.get(0), tag.get(1)));
		content.storylines()
			.forEach(story -> storylineIds.put(story.get(0),
					taxonomy.createStoryline(story.get(0), story.get(1), story.get(2)).id()));
		// Before the articles: mentions and quotes are found when an article is saved.
		DemoEntities.load()
			.forEach(entity -> entities.seed(entity.get(1), entity.get(0), entity.get(2), entity.get(4),
					List.of(entity.get(3).split("\\s*,\\s*"))));
		content.articles().forEach(this::article);
	}

	/**
	 * Adds the storylines' events, dated back from today, as the demo editor
	 * {@code actorId}.
	 */
	void seedEvents(DemoContent content, long actorId) {
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		for (List<String> event : content.storylineEvents()) {
			LocalDate date = today.minusDays(Long.parseLong(field(event, 1)));
			String written = switch (field(event, 2)) {
				case "day" -> date.toString();
				case "month" -> date.toString().substring(0, 7);
				case "year" -> date.toString().substring(0, 4);
				default -> throw new IllegalStateException("unknown demo event precision: " + field(event, 2));
			};
			long storylineId = Objects.requireNonNull(storylineIds.get(field(event, 0)), "unknown demo storyline");
			events.add(actorId, storylineId, new EventDraft(written, field(event, 4), field(event, 5), field(event, 6),
					"", field(event, 7), field(event, 3).equals("key")));
		}
	}

	/**
	 * A record's field; Java's split drops trailing empty fields, so those read as empty.
	 */
	private static String field(List<String> record, int index) {
		return index < record.size() ? record.get(index) : "";
	}

	private void article(DemoArticle article) {
		String position = article.find("storyline_position");
		long id = editor.save(new ArticleDraft(null, article.get("slug"), article.get("title"), article.get("dek"),
				article.markdown(), article.list("authors"), article.list("tags"), article.find("storyline"),
				position == null ? null : Integer.valueOf(position), article.find("cover"),
				visibility(article.get("visibility")))
			.withText(HouseFormat.split(article.markdown(), HouseLabels.DEFAULTS)));
		long daysAgo = Long.parseLong(article.get("published_days_ago"));
		publisher.publish(id, clock.instant().minus(Duration.ofDays(daysAgo)));
	}

	static Visibility visibility(String value) {
		return switch (value) {
			case "public" -> Visibility.everyone();
			case "members" -> Visibility.members();
			case "paid" -> Visibility.paid();
			default -> {
				if (!value.startsWith("tiers:")) {
					throw new IllegalStateException("unknown demo visibility: " + value);
				}
				yield Visibility.tiers(Set.copyOf(List.of(value.substring("tiers:".length()).split("\\s*,\\s*"))));
			}
		};
	}

}
