package org.backstory.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.backstory.publishing.ArchivedArticle;
import org.backstory.publishing.EntityKind;
import org.backstory.publishing.EventDate;
import org.backstory.publishing.SourceLink;
import org.backstory.publishing.StorylineEvent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading the backstory section's storyline events and entities back: Ghost ids become
 * the ids the restore keeps, and a row that names what the file does not carry, or lacks
 * a date or kind, is refused with the row named (the import then gives new ids and says
 * why).
 */
class OwnStorylineRecordsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String ARTICLES = """
			"articles": [{"post_id": "p1", "id": 101}, {"post_id": "p2", "id": 102}],
			"storylines": [{"storyline_id": "s7", "id": 7}]""";

	private static final String CREATED = "\"created_at\": \"2025-01-01T00:00:00.000Z\"";

	@Test
	void eventsAndEntitiesComeBackWithTheIdsTheyNameInIdOrder() {
		OwnStorylineRecords records = records(
				"""
						"storyline_events": [
						  {"id": 3, "storyline_id": "s7", "date": "2019", "summary": "Later", "quote": "", "speaker": "",
						   "sources": [], "post_id": null, "key_event": false, "created_at": "2025-03-01T00:00:00.000Z"},
						  {"id": 2, "storyline_id": "s7", "date": "2019-03", "summary": "The dredger came.", "quote": "We dig.",
						   "speaker": "Ada Varn", "sources": [{"url": "https://example.com/a", "label": "Log"}], "post_id": "p2",
						   "key_event": true, "created_at": "2025-02-01T00:00:00.000Z"}],
						"entities": [{"id": 5, "kind": "place", "slug": "north-quay", "name": "North Quay", "bio": "",
						  "aliases": ["The Quay"], "rejected_post_ids": ["p2", "p1"], "created_at": "2025-01-01T00:00:00.000Z"}]""");

		List<ArchivedArticle.Event> events = records.events();
		assertThat(events).extracting(event -> event.event().id()).containsExactly(2L, 3L);
		assertThat(events.get(0).event()).isEqualTo(new StorylineEvent(2, 7,
				new EventDate(LocalDate.of(2019, 3, 1), EventDate.Precision.MONTH), "The dredger came.", "We dig.",
				"Ada Varn", List.of(new SourceLink("https://example.com/a", "Log")), 102L, true));
		assertThat(events.get(0).createdAt()).isEqualTo(Instant.parse("2025-02-01T00:00:00Z"));
		assertThat(events.get(1).event().articleId()).isNull();
		ArchivedArticle.KnownEntity quay = records.entities().get(0);
		assertThat(quay.entity().kind()).isEqualTo(EntityKind.PLACE);
		assertThat(quay.entity().aliases()).containsExactly("The Quay");
		assertThat(quay.rejectedIn()).containsExactly(101L, 102L);
	}

	@Test
	void aSectionWithoutEventsOrEntitiesHasNone() {
		OwnStorylineRecords records = records("\"plans\": []");

		assertThat(records.events()).isEmpty();
		assertThat(records.entities()).isEmpty();
	}

	@Test
	void anEventNamingAStorylineOrArticleTheFileDoesNotCarryOrWithoutADateIsRefused() {
		assertThatThrownBy(() -> records(event("\"storyline_id\": \"s9\", \"date\": \"2019\", " + CREATED)).events())
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("storyline event 4 names a storyline that is not in the export");
		assertThatThrownBy(
				() -> records(event("\"storyline_id\": \"s7\", \"date\": \"2019\", \"post_id\": \"p9\", " + CREATED))
					.events())
			.hasMessage("storyline event 4 names an article that is not in the export");
		assertThatThrownBy(() -> records(event("\"storyline_id\": \"s7\", \"date\": \"March\", " + CREATED)).events())
			.hasMessage("storyline event 4 has no date");
		assertThatThrownBy(
				() -> records(event("\"storyline_id\": \"s7\", \"date\": \"2019\", \"created_at\": \"\"")).events())
			.hasMessage("storyline event 4 has no created_at");
	}

	@Test
	void anEntityWithoutAKindOrIdIsRefused() {
		assertThatThrownBy(() -> records(
				"""
						"entities": [{"id": 5, "kind": "ship", "slug": "ark", "name": "Ark", "created_at": "2025-01-01T00:00:00.000Z"}]""")
			.entities()).hasMessage("entity ark has no kind");
		assertThatThrownBy(() -> records(
				"""
						"entities": [{"kind": "person", "slug": "ark", "name": "Ark", "created_at": "2025-01-01T00:00:00.000Z"}]""")
			.entities()).hasMessage("entity row has no id");
	}

	/** A section with one event, id 4, of these fields besides its id and summary. */
	private static String event(String fields) {
		return """
				"storyline_events": [{"id": 4, "summary": "S", %s}]""".formatted(fields);
	}

	private static OwnStorylineRecords records(String section) {
		JsonNode own = JSON.readTree("{" + ARTICLES + ", " + section + "}");
		return new OwnStorylineRecords(own, OwnRows.byKey(own.path("articles"), "post_id"),
				OwnRows.byKey(own.path("storylines"), "storyline_id"));
	}

}
