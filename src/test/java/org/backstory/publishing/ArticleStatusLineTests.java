package org.backstory.publishing;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleStatusLineTests {

	private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

	@Test
	void aScheduledArticleReadsAsPublishedFromItsTimeOn() {
		assertThat(line("scheduled", NOW.plusSeconds(1)).statusAt(NOW)).isEqualTo("scheduled");
		assertThat(line("scheduled", NOW).statusAt(NOW)).isEqualTo("published");
		assertThat(line("scheduled", NOW.minusSeconds(60)).statusAt(NOW)).isEqualTo("published");
	}

	@Test
	void otherStatusesReadAsStored() {
		assertThat(line("draft", null).statusAt(NOW)).isEqualTo("draft");
		assertThat(line("published", NOW.minusSeconds(60)).statusAt(NOW)).isEqualTo("published");
	}

	private static ArticleStatusLine line(String status, Instant publishedAt) {
		return new ArticleStatusLine(1, "a-slug", "A title", status, publishedAt, true,
				new Visibility(Visibility.Level.PUBLIC, Set.of()), false);
	}

}
