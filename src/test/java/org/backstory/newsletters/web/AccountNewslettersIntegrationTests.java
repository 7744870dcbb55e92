package org.backstory.newsletters.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.backstory.Visitor;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.newsletters.Newsletter;
import org.backstory.newsletters.NewsletterFixtures;
import org.backstory.newsletters.Newsletters;
import org.backstory.newsletters.OptIns;
import org.backstory.newsletters.SuppressionReason;
import org.backstory.newsletters.Suppressions;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A signed-in member chooses newsletters from the account page. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccountNewslettersIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory members;

	@Autowired
	Newsletters newsletters;

	@Autowired
	OptIns optIns;

	@Autowired
	Suppressions suppressions;

	@Test
	void theAccountPageLinksToTheNewsletters() {
		Visitor reader = signedIn(MemberFixtures.reader(members, "account"));

		assertThat(reader.get("/account").document().select("a[href=/account/newsletters]").text())
			.isEqualTo("Newsletters");
	}

	@Test
	void aMemberTicksNewslettersAndGetsExactlyThose() {
		Newsletter first = NewsletterFixtures.newsletter(newsletters, "account-first", false);
		Newsletter second = NewsletterFixtures.newsletter(newsletters, "account-second", false);
		String email = MemberFixtures.reader(members, "account");
		long member = members.findByEmail(email).orElseThrow().id();
		optIns.choose(member, List.of(first.id()));
		Visitor reader = signedIn(email);

		Visitor.Page saved = reader.submit("/account/newsletters", "/account/newsletters", Map.of(), "newsletter",
				List.of(String.valueOf(second.id())));

		assertThat(saved.status()).isEqualTo(303);
		assertThat(optIns.of(member)).containsExactly(second.id());
		Document page = reader.follow("/account/newsletters").document();
		assertThat(page.select("p.notice").text()).isEqualTo("Your choice is saved.");
		assertThat(page.selectFirst("input[name=newsletter][value=" + second.id() + "]").hasAttr("checked")).isTrue();
		assertThat(page.selectFirst("input[name=newsletter][value=" + first.id() + "]").hasAttr("checked")).isFalse();
	}

	@Test
	void aBlankBoxValueChoosesNoNewsletterRatherThanFailing() {
		Newsletter newsletter = NewsletterFixtures.newsletter(newsletters, "account-empty", false);
		String email = MemberFixtures.reader(members, "account");
		long member = members.findByEmail(email).orElseThrow().id();
		optIns.choose(member, List.of(newsletter.id()));

		Visitor.Page saved = signedIn(email).submit("/account/newsletters", "/account/newsletters", Map.of(),
				"newsletter", List.of(" "));

		assertThat(saved.status()).isEqualTo(303);
		assertThat(optIns.of(member)).isEmpty();
	}

	@Test
	void aMemberWhoseAddressBouncedIsToldAndPointedToConfirmIt() {
		String email = MemberFixtures.reader(members, "bounced");
		suppressions.suppress(email, SuppressionReason.BOUNCE, "550 no such user");

		Document page = signedIn(email).get("/account/newsletters").document();

		assertThat(page.select("p.newsletters-paused").text()).startsWith("Newsletters to your address are paused.")
			.contains(SuppressionReason.BOUNCE.explanation());
		assertThat(page.select("p.newsletters-paused a[href=/newsletters/confirm-address]")).hasSize(1);
		assertThat(signedIn(MemberFixtures.reader(members, "fine")).get("/account/newsletters")
			.document()
			.select("p.newsletters-paused")).isEmpty();
	}

	@Test
	void anAnonymousVisitorIsSentToLogIn() {
		Visitor.Page page = new Visitor(port).get("/account/newsletters");

		assertThat(page.status()).isEqualTo(302);
		assertThat(page.header("Location")).contains("/login");
	}

	private Visitor signedIn(String email) {
		Visitor visitor = new Visitor(port);
		visitor.signIn(email, MemberFixtures.PASSWORD);
		return visitor;
	}

}
