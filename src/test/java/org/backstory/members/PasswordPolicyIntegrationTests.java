package org.backstory.members;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.backstory.Visitor;
import org.backstory.email.SentMail;
import org.backstory.publishing.Publication;
import org.backstory.publishing.PublicationService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The password rules on the forms where a password is chosen. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PasswordPolicyIntegrationTests {

	static final String TOO_COMMON = "This password is too common: it appears in lists of leaked passwords. Choose another.";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MemberDirectory directory;

	@Autowired
	PublicationService publications;

	@Test
	void theAccountPageRefusesALeakedPasswordAndKeepsTheOldOne() {
		String email = MemberFixtures.reader(directory, "leaked");
		Visitor visitor = new Visitor(port);
		visitor.signIn(email, MemberFixtures.PASSWORD);

		Visitor.Page refused = visitor.submit("/account/password", "/account/password",
				Map.of("currentPassword", MemberFixtures.PASSWORD, "newPassword", "1234567890"));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.document().select(".error").text()).isEqualTo(TOO_COMMON);
		assertThat(new Visitor(port).signIn(email, "1234567890").header("Location")).contains("error");
		assertThat(new Visitor(port).signIn(email, MemberFixtures.PASSWORD).header("Location")).doesNotContain("error");
	}

	@Test
	void theAccountPageRefusesTheSiteName() {
		String email = MemberFixtures.reader(directory, "sitename");
		Visitor visitor = new Visitor(port);
		visitor.signIn(email, MemberFixtures.PASSWORD);
		Publication before = publications.publication();
		publications.update(new Publication("The Evening Lantern", before.tagline(), before.accentColor(),
				before.logoUrl(), before.legalName(), before.postalAddress()));
		try {
			Visitor.Page refused = visitor.submit("/account/password", "/account/password",
					Map.of("currentPassword", MemberFixtures.PASSWORD, "newPassword", "the evening LANTERN "));

			assertThat(refused.status()).isEqualTo(422);
			assertThat(refused.document().select(".error").text())
				.isEqualTo("A password can't be the name of this site. Choose another.");
		}
		finally {
			publications.update(before);
		}
	}

	@Test
	void aResetRefusesTheAddressAsPasswordAndTheLinkStillWorks() {
		String email = MemberFixtures.reader(directory, "resetaddress");
		Visitor visitor = new Visitor(port);
		visitor.submit("/password/forgot", "/password/forgot", Map.of("email", email));
		String link = SentMail.lastTo(jdbc, email).path("/password/reset");

		Visitor.Page refused = visitor.submit(link, "/password/reset", Map.of("password", email.toUpperCase()));
		Visitor.Page localPart = visitor.submit(link, "/password/reset",
				Map.of("password", email.substring(0, email.indexOf('@'))));

		assertThat(refused.status()).isEqualTo(localPart.status()).isEqualTo(422);
		assertThat(refused.document().select(".error").text()).isEqualTo(localPart.document().select(".error").text())
			.isEqualTo("A password can't be your email address or the part before the @. Choose another.");
		assertThat(visitor.get(link).status()).isEqualTo(200);
	}

}
