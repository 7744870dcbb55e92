package org.backstory.newsletters.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.backstory.members.MemberFixtures;
import org.backstory.newsletters.Suppressions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Without a configured secret the bounce and complaint webhook does not exist. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmailWebhookOffIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Suppressions suppressions;

	@Test
	void withoutASecretTheEndpointIsNotFound() {
		String address = MemberFixtures.uniqueEmail("webhook-off");

		HttpResponse<String> response = new ReportPoster(port).post(ReportPoster.report(address, "bounce"), "anything");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(suppressions.isSuppressed(address)).isFalse();
	}

}
