package org.backstory.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Publication settings changed on another node (here: straight in the database) show
 * within ten seconds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SettableClock.Configuration.class)
class PublicationFreshnessIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	PublicationService shared;

	@Test
	void aChangeMadeOnAnotherNodeIsSeenWithinTenSeconds() {
		Publication before = shared.publication();
		try {
			seenWithinTenSeconds();
		}
		finally {
			// The database is shared: put the settings back through the service, so this
			// node's cache forgets too.
			shared.update(before);
		}
	}

	private void seenWithinTenSeconds() {
		AtomicLong nanos = new AtomicLong();
		PublicationService publications = new PublicationService(new PublicationRepository(jdbc),
				new CatalogCache(clock, now -> null, nanos::get),
				new FormattedArticles(new FormattedArticleRepository(jdbc)));
		jdbc.sql("update publishing.publication set name = 'Before'").update();
		assertThat(publications.publication().name()).isEqualTo("Before");

		jdbc.sql("update publishing.publication set name = 'After'").update();
		nanos.addAndGet(CatalogCache.TIME_TO_LIVE.toNanos() - 1);
		assertThat(publications.publication().name()).as("still the cached value").isEqualTo("Before");

		nanos.addAndGet(1);
		assertThat(CatalogCache.TIME_TO_LIVE).isLessThan(Duration.ofSeconds(10));
		assertThat(publications.publication().name()).isEqualTo("After");
	}

}
