package org.backstory.newsletters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.backstory.OwnDatabase;
import org.backstory.email.Await;
import org.backstory.publishing.ArticleEditor;
import org.backstory.publishing.ArticleFixtures;
import org.backstory.publishing.SettableClock;
import org.backstory.publishing.SystemPublisher;
import org.backstory.publishing.TaxonomyCreator;
import org.backstory.publishing.Visibility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The per-minute limit on newsletter messages, with the app's clock set to the start of a
 * minute.
 */
@SpringBootTest(properties = { "backstory.newsletters.rate-per-minute=5", "backstory.newsletters.idle-poll=100ms" })
@Import(SettableClock.Configuration.class)
@OwnDatabase("newsletter_rate")
class NewsletterRateLimitIntegrationTests {

	@Autowired
	Newsletters newsletters;

	@Autowired
	OptIns optIns;

	@Autowired
	NewsletterSends sends;

	@Autowired
	ArticleEditor editor;

	@Autowired
	TaxonomyCreator taxonomyCreator;

	@Autowired
	SystemPublisher systemPublisher;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SettableClock clock;

	@AfterEach
	void realTime() {
		clock.reset();
	}

	@Test
	void aMinuteMailsNoMoreThanTheLimitAndTheNextMinuteGoesOn() {
		// Back to the start of this minute: the test has most of a minute before it
		// crosses into the next, and
		// the send's start task, due in the past, runs at once on the scheduler's own
		// (real) clock.
		clock
			.advance(Duration.between(clock.instant(), clock.instant().truncatedTo(ChronoUnit.MINUTES).plusSeconds(1)));
		Newsletter newsletter = newsletters.create(NewsletterFixtures.settings());
		SeededMembers.seed(jdbc, 1L << 41, 8, "rate.test", clock.instant());
		SeededMembers.optIn(optIns, newsletter.id(), 1L << 41, 8);
		long article = new ArticleFixtures(editor, systemPublisher, taxonomyCreator).published(Visibility.everyone())
			.id();

		long send = sends.schedule(article, newsletter.id(), Audience.ALL, clock.instant(), null);

		Await.until("the minute's allowance is used", Duration.ofSeconds(20), () -> sends.tally(send).sent() == 5);
		Await.until("the rest waits for the next minute", Duration.ofSeconds(5), () -> jdbc.sql("""
				select count(*) from newsletters.recipient where send_id = :send and status = 'pending'
				  and claimed_by is null and next_attempt_at = :next""")
			.param("send", send)
			.param("next", java.sql.Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MINUTES).plusSeconds(60)))
			.query(Long.class)
			.single() == 3);
		assertThat(sends.tally(send).sent()).isEqualTo(5);

		clock.advance(Duration.ofMinutes(1));

		NewsletterFixtures.awaitSent(sends, send, Duration.ofSeconds(20));
		assertThat(sends.tally(send).sent()).isEqualTo(8);
	}

}
