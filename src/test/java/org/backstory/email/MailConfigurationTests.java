package org.backstory.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When the transactional sender and the DKIM domain line up for DMARC. */
class MailConfigurationTests {

	@Test
	void theSenderAlignsWithItsOwnDomainAndItsParentOrSubdomains() {
		assertThat(MailConfiguration.aligned("Backstory <no-reply@example.com>", "example.com")).isTrue();
		assertThat(MailConfiguration.aligned("no-reply@News.Example.com", "example.com")).isTrue();
		assertThat(MailConfiguration.aligned("no-reply@example.com", "mail.example.com")).isTrue();
	}

	@Test
	void aSenderOnAnotherDomainDoesNotAlign() {
		assertThat(MailConfiguration.aligned("Backstory <no-reply@localhost>", "example.com")).isFalse();
		assertThat(MailConfiguration.aligned("no-reply@notexample.com", "example.com")).isFalse();
	}

}
