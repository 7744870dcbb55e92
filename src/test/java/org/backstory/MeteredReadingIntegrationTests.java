package org.backstory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadLocalRandom;

import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberRole;
import org.backstory.members.NewAccount;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** With metering on, a free member reads one paid demo article a month in full, and is told how many remain. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "backstory.access.metered-reads=1")
class MeteredReadingIntegrationTests {

	private static final String PASSWORD = "metered-password";

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory members;

	@Test
	void aFreeMemberReadsOnePaidArticleThenMeetsTheBoxThatSaysSo() {
		String email = "metered" + ThreadLocalRandom.current().nextLong(1L << 40) + "@example.test";
		members.createAccount(new NewAccount(email, "Meta Reader", PASSWORD, MemberRole.MEMBER, true));
		Visitor reader = new Visitor(port);
		reader.signIn(email, PASSWORD);

		Visitor.Page first = reader.get("/p/port-anselm-summits");
		Visitor.Page second = reader.get("/p/halvard-deal-collapse");
		Visitor.Page firstAgain = reader.get("/p/port-anselm-summits");

		assertThat(first.body()).contains("The delegations ate lunch at separate tables");
		assertThat(first.document().select(".notice").text())
			.isEqualTo("This is your free article this month. You have 0 left.");
		assertThat(second.document().select(".paywall-box").text()).contains("You've read your free article this month.");
		assertThat(firstAgain.document().select(".paywall-box")).isEmpty();
	}

}
