package org.backstory.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.backstory.Visitor;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.publishing.ArticleDraft;
import org.backstory.publishing.ArticleEditor;
import org.backstory.publishing.ArticleFixtures;
import org.backstory.publishing.EventDraft;
import org.backstory.publishing.PublishingProbe;
import org.backstory.publishing.Storyline;
import org.backstory.publishing.StorylineEvents;
import org.backstory.publishing.SystemPublisher;
import org.backstory.publishing.TaxonomyCreator;
import org.backstory.publishing.Visibility;
import javax.sql.DataSource;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Catching up (issue 14): a signed-in member's reads become their reading history (never
 * an anonymous reader's, never a preview behind a paywall); the storyline page and its
 * newest part say how many developments (parts and events) are new since their last read
 * and mark the parts read; the history is listed on {@code /account/reading}, removable
 * one by one or all at once, and deleted with the account.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReadingHistoryIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ArticleEditor editor;

	@Autowired
	TaxonomyCreator taxonomyCreator;

	@Autowired
	SystemPublisher systemPublisher;

	@Autowired
	MemberDirectory members;

	@Autowired
	JdbcClient jdbc;

	private final List<Long> published = new ArrayList<>();

	@Autowired
	StorylineEvents events;

	@Autowired
	Clock clock;

	@Autowired
	DataSource dataSource;

	private final List<Long> storylines = new ArrayList<>();

	@AfterEach
	void unpublish() {
		published.forEach(systemPublisher::unpublish);
		published.clear();
		storylines.forEach(id -> PublishingProbe.forgetStorylineEvents(jdbc, id));
		storylines.clear();
	}

	@Test
	void anAnonymousReadLeavesNoHistoryAndAMembersReadKeepsItsFirstAndLastTime() {
		ArticleDraft article = publish(
				new ArticleFixtures(editor, systemPublisher, taxonomyCreator).draft(Visibility.everyone()));
		new Visitor(port).get("/p/" + article.slug());
		assertThat(rowsFor(article.id())).isZero();

		Visitor reader = member("history");
		reader.get("/p/" + article.slug());
		Instant first = lastRead(article.id());
		reader.get("/p/" + article.slug());

		assertThat(rowsFor(article.id())).isOne();
		assertThat(lastRead(article.id())).isAfter(first);
		assertThat(jdbc.sql("select first_read_at from site.reading_history where article_id = :a")
			.param("a", article.id())
			.query(Instant.class)
			.single()).isEqualTo(first);
		Document history = reader.get("/account/reading").document();
		assertThat(history.select("table.reading-history a").eachAttr("href")).containsExactly("/p/" + article.slug());
	}

	/**
	 * A read commits without waiting for the disk, but only that one transaction: the
	 * pooled connection goes back with the durable default for whatever it does next.
	 */
	@Test
	void theRelaxedCommitOfAReadDoesNotOutliveIt() throws SQLException {
		ArticleDraft article = publish(
				new ArticleFixtures(editor, systemPublisher, taxonomyCreator).draft(Visibility.everyone()));
		long member = members.findByEmail(MemberFixtures.reader(members, "relaxed")).orElseThrow().id();
		try (Connection connection = dataSource.getConnection()) {
			JdbcClient oneConnection = JdbcClient.create(new SingleConnectionDataSource(connection, true));
			// The tests' own server may run relaxed throughout; this session is durable.
			oneConnection.sql("set synchronous_commit = on").update();

			new ReadingHistory(oneConnection, clock).record(member, article.id());

			assertThat(oneConnection.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
			oneConnection.sql("reset synchronous_commit").update();
		}
		assertThat(rowsFor(article.id())).isOne();
	}

	@Test
	void aPreviewBehindThePaywallIsNoRead() {
		ArticleDraft paid = publish(
				new ArticleFixtures(editor, systemPublisher, taxonomyCreator).draft(Visibility.paid()));

		Visitor.Page page = member("preview").get("/p/" + paid.slug());

		assertThat(page.body()).doesNotContain("Gated paragraph of " + paid.slug());
		assertThat(rowsFor(paid.id())).isZero();
	}

	@Test
	void theStorylineAndItsNewestPartSayWhatIsNewSinceTheLastReadAndMarkThePartsRead() {
		ArticleFixtures fixtures = new ArticleFixtures(editor, systemPublisher, taxonomyCreator);
		Storyline story = fixtures.storyline();
		ArticleDraft one = publish(part(fixtures, story, 1));
		ArticleDraft two = publish(part(fixtures, story, 2));
		Visitor reader = member("catchup");
		reader.get("/p/" + one.slug());
		reader.get("/p/" + two.slug());
		ArticleDraft three = publish(part(fixtures, story, 3));
		ArticleDraft four = publish(part(fixtures, story, 4));

		Visitor.Page storyPage = reader.get("/story/" + story.slug());
		Document storyline = storyPage.document();
		Visitor.Page anonymous = new Visitor(port).get("/story/" + story.slug());

		assertThat(storyline.select(".catchup").text()).isEqualTo("New since you last read: 2 developments");
		assertThat(storyline.select("ol.timeline > li:has(.read-mark) h2 a").eachAttr("href"))
			.containsExactly("/p/" + one.slug(), "/p/" + two.slug());
		assertThat(reader.get("/p/" + four.slug()).document().select(".catchup").text())
			.isEqualTo("New since you last read: 2 developments");
		assertThat(reader.get("/p/" + three.slug()).document().select(".catchup")).isEmpty();
		assertThat(reader.get("/story/" + story.slug()).document().select(".catchup")).isEmpty();
		assertThat(anonymous.document().select(".catchup, .read-mark")).isEmpty();
		assertThat(storyPage.header("Cache-Control")).isEqualTo("private, no-store");
		assertThat(anonymous.header("Cache-Control")).isEqualTo("public, max-age=60");
	}

	/**
	 * Events count as developments (issue 14 §2): an event recorded since the reader's
	 * last read of the storyline, dated on or after that day, is new, on the storyline
	 * page and on its newest part, even with no new part.
	 */
	@Test
	void anEventRecordedSinceTheLastReadIsADevelopment() {
		ArticleFixtures fixtures = new ArticleFixtures(editor, systemPublisher, taxonomyCreator);
		Storyline story = fixtures.storyline();
		ArticleDraft one = publish(part(fixtures, story, 1));
		ArticleDraft two = publish(part(fixtures, story, 2));
		Visitor reader = member("event-catchup");
		reader.get("/p/" + one.slug());
		reader.get("/p/" + two.slug());
		assertThat(reader.get("/story/" + story.slug()).document().select(".catchup")).isEmpty();

		event(story, today().toString(), "");

		assertThat(reader.get("/story/" + story.slug()).document().select(".catchup").text())
			.isEqualTo("New since you last read: 1 development");
		assertThat(reader.get("/p/" + two.slug()).document().select(".catchup").text())
			.isEqualTo("New since you last read: 1 development");
		assertThat(reader.get("/story/" + story.slug()).document().select(".catchup")).isEmpty();
	}

	/**
	 * An event is new only if it may have happened since the last read: one dated this
	 * year may have, one dated three years ago or two days ago is history an editor
	 * filled in later. An event covering a new part is the same development as that part,
	 * counted once. One new part plus this year's event: two.
	 */
	@Test
	void anEventCoveringANewPartCountsOnceAndFilledInHistoryNotAtAll() {
		ArticleFixtures fixtures = new ArticleFixtures(editor, systemPublisher, taxonomyCreator);
		Storyline story = fixtures.storyline();
		ArticleDraft one = publish(part(fixtures, story, 1));
		Visitor reader = member("event-history");
		reader.get("/p/" + one.slug());
		ArticleDraft two = publish(part(fixtures, story, 2));

		event(story, today().toString(), two.slug());
		event(story, today().getYear() + "", "");
		event(story, today().minusYears(3).getYear() + "-03", "");
		event(story, today().minusDays(2).toString(), "");

		assertThat(reader.get("/story/" + story.slug()).document().select(".catchup").text())
			.isEqualTo("New since you last read: 2 developments");
	}

	private void event(Storyline story, String date, String articleSlug) {
		events.add(0, story.id(),
				new EventDraft(date, "Something happened on " + date, "", "", "", articleSlug, false));
		storylines.add(story.id());
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	@Test
	void aMemberRemovesOneEntryThenClearsTheRestButNotWithoutTheCsrfToken() {
		ArticleFixtures fixtures = new ArticleFixtures(editor, systemPublisher, taxonomyCreator);
		ArticleDraft first = publish(fixtures.draft(Visibility.everyone()));
		ArticleDraft second = publish(fixtures.draft(Visibility.everyone()));
		ArticleDraft third = publish(fixtures.draft(Visibility.everyone()));
		Visitor reader = member("remover");
		List.of(first, second, third).forEach(article -> reader.get("/p/" + article.slug()));

		Visitor.Page forged = reader.post("/account/reading/clear", Map.of());
		Visitor.Page removed = reader.submit("/account/reading", "/account/reading/" + second.id() + "/remove",
				Map.of());
		Document afterRemove = reader.follow("/account/reading").document();

		assertThat(forged.status()).isEqualTo(403);
		assertThat(removed.status()).isEqualTo(303);
		assertThat(afterRemove.select("table.reading-history a").eachAttr("href")).containsExactly("/p/" + third.slug(),
				"/p/" + first.slug());
		assertThat(rowsFor(second.id())).isZero();

		reader.submit("/account/reading", "/account/reading/clear", Map.of());
		assertThat(rowsFor(first.id()) + rowsFor(third.id())).isZero();
		assertThat(reader.get("/account/reading").document().select("table.reading-history")).isEmpty();
	}

	@Test
	void theHistoryIsDeletedWithTheAccount() {
		ArticleDraft article = publish(
				new ArticleFixtures(editor, systemPublisher, taxonomyCreator).draft(Visibility.everyone()));
		Visitor reader = member("leaver");
		reader.get("/p/" + article.slug());
		assertThat(rowsFor(article.id())).isOne();

		Visitor.Page deleted = reader.submit("/account/delete", "/account/delete",
				Map.of("password", MemberFixtures.PASSWORD));

		assertThat(deleted.header("Location")).endsWith("/goodbye");
		assertThat(rowsFor(article.id())).isZero();
	}

	private ArticleDraft publish(ArticleDraft draft) {
		long id = new ArticleFixtures(editor, systemPublisher, taxonomyCreator).publish(draft);
		published.add(id);
		return draft.withId(id);
	}

	private static ArticleDraft part(ArticleFixtures fixtures, Storyline story, int position) {
		ArticleDraft d = fixtures.draft(Visibility.everyone());
		return new ArticleDraft(null, d.slug(), d.title(), d.dek(), d.bodyMarkdown(), d.authorSlugs(), List.of(),
				story.slug(), position, null, d.visibility());
	}

	private Visitor member(String who) {
		Visitor visitor = new Visitor(port);
		visitor.signIn(MemberFixtures.reader(members, who), MemberFixtures.PASSWORD);
		return visitor;
	}

	private long rowsFor(long articleId) {
		return jdbc.sql("select count(*) from site.reading_history where article_id = :a")
			.param("a", articleId)
			.query(Long.class)
			.single();
	}

	private Instant lastRead(long articleId) {
		return jdbc.sql("select last_read_at from site.reading_history where article_id = :a")
			.param("a", articleId)
			.query(Instant.class)
			.single();
	}

}
