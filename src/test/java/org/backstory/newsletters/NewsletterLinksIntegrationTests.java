package org.backstory.newsletters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import org.backstory.shared.BackstoryProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NewsletterLinksIntegrationTests {

	@Autowired
	NewsletterLinks links;

	@Autowired
	BackstoryProperties site;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	Clock clock;

	@Test
	void linksAreAbsoluteAndCarryASignedToken() {
		assertThat(links.unsubscribeUrl(42, 3, 17))
			.matches(site.link("/unsubscribe/") + "42\\.3\\.17\\.[A-Za-z0-9_-]{22}");
		assertThat(links.preferencesUrl(42)).matches(site.link("/newsletters/preferences/") + "42\\.[A-Za-z0-9_-]{22}");
	}

	@Test
	void linksReadBackOnlyForTheirOwnPurpose() {
		String unsubscribe = links.unsubscribePath(42, 3, 17).substring("/unsubscribe/".length());
		String preferences = links.preferencesPath(42).substring("/newsletters/preferences/".length());

		assertThat(links.readUnsubscribe(unsubscribe)).contains(new NewsletterLinks.UnsubscribeToken(42, 3, 17));
		assertThat(links.readPreferences(preferences)).hasValue(42);
		assertThat(links.readUnsubscribe(preferences)).isEmpty();
		assertThat(links.readPreferences(unsubscribe)).isEmpty();
	}

	@Test
	void anotherNodeSignsWithTheSameStoredKey() {
		String here = links.unsubscribeUrl(5, 6, 7);

		NewsletterLinks otherNode = new NewsletterLinks(site,
				new SigningKeys(new SigningKeyRepository(jdbc), transactions, clock));

		assertThat(otherNode.unsubscribeUrl(5, 6, 7)).isEqualTo(here);
		assertThat(jdbc.sql("select count(*) from newsletters.signing_key").query(Long.class).single()).isEqualTo(1);
	}

}
