package org.backstory.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;

import org.backstory.members.MemberRole;
import org.backstory.members.SignedInMember;
import org.backstory.shared.StaffActed;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The desk's publishing actions go into the audit log; refused ones change and record
 * nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RecordApplicationEvents
class ArticleDeskIntegrationTests {

	@Autowired
	ArticleDesk desk;

	@Autowired
	ArticleEditor editor;

	@Autowired
	TaxonomyCreator taxonomyCreator;

	@Autowired
	SystemPublisher systemPublisher;

	@Autowired
	Clock clock;

	@Autowired
	ApplicationEvents events;

	private static final SignedInMember EDITOR = new SignedInMember(900_001, "desk-editor@example.test", "Desk Editor",
			MemberRole.EDITOR);

	@Test
	void publishingSchedulingAndUnpublishingAreAudited() {
		long id = new ArticleFixtures(editor, systemPublisher, taxonomyCreator)
			.publish(new ArticleFixtures(editor, systemPublisher, taxonomyCreator).draft(Visibility.paid()));

		desk.unpublish(id, EDITOR);
		desk.schedule(id, clock.instant().plus(Duration.ofDays(1)), EDITOR);
		desk.publishNow(id, EDITOR);

		assertThat(events.stream(StaffActed.class).filter(e -> e.subject().startsWith("article " + id + " \"")))
			.extracting(StaffActed::action)
			.containsExactly("article.unpublished", "article.scheduled", "article.published");
		assertThat(events.stream(StaffActed.class)).allMatch(e -> e.actorId() == EDITOR.id());
	}

	@Test
	void aRefusedPublishRecordsNothing() {
		long id = editor.save(new ArticleFixtures(editor, systemPublisher, taxonomyCreator).draft(Visibility.paid()));
		SignedInMember contributor = new SignedInMember(900_002, "desk-contributor@example.test", "Desk Contributor",
				MemberRole.CONTRIBUTOR);

		assertThatThrownBy(() -> desk.publishNow(id, contributor)).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> desk.schedule(id, clock.instant().minusSeconds(60), EDITOR))
			.isInstanceOf(InvalidArticleException.class)
			.hasMessage("A scheduled time must be in the future.");

		assertThat(events.stream(StaffActed.class)).isEmpty();
		assertThat(desk.statusOf(id)).isEqualTo("draft");
	}

}
