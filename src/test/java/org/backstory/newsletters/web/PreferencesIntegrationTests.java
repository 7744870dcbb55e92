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
import org.backstory.newsletters.SignedLinks;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The preferences link of a newsletter: choosing newsletters without login. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PreferencesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	MemberDirectory members;

	@Autowired
	Newsletters newsletters;

	@Autowired
	OptIns optIns;

	@Autowired
	SignedLinks links;

	private Newsletter weekly;

	private Newsletter daily;

	private String email;

	private long member;

	@BeforeEach
	void aMemberWhoGetsOneOfTwoNewsletters() {
		weekly = NewsletterFixtures.newsletter(newsletters, "prefs-weekly", false);
		daily = NewsletterFixtures.newsletter(newsletters, "prefs-daily", false);
		email = MemberFixtures.reader(members, "prefs");
		member = members.findByEmail(email).orElseThrow().id();
		optIns.choose(member, List.of(weekly.id()));
	}

	@Test
	void thePageShowsEveryNewsletterTickedWhenTheMemberGetsIt() {
		Visitor.Page page = new Visitor(port).get(links.preferencesPath(member));

		assertThat(page.status()).isEqualTo(200);
		Document document = page.document();
		assertThat(document.select(".newsletter-lead").text()).contains(email);
		assertThat(document.select("input[name=newsletter]")).hasSize(newsletters.all().size());
		assertThat(box(document, weekly).hasAttr("checked")).isTrue();
		assertThat(box(document, daily).hasAttr("checked")).isFalse();
		assertThat(document.select("label:has(input[value=" + daily.id() + "])").text()).contains(daily.name());
	}

	@Test
	void savingMakesTheMemberGetExactlyTheTickedNewsletters() {
		Visitor reader = new Visitor(port);
		String path = links.preferencesPath(member);

		Visitor.Page saved = reader.submit(path, path, Map.of(), "newsletter", List.of(String.valueOf(daily.id())));

		assertThat(saved.status()).isEqualTo(303);
		assertThat(optIns.of(member)).containsExactly(daily.id());
		Document after = reader.follow(saved.header("Location")).document();
		assertThat(after.select("p.notice").text()).isEqualTo("Your choice is saved.");
		assertThat(box(after, daily).hasAttr("checked")).isTrue();
		assertThat(box(after, weekly).hasAttr("checked")).isFalse();
	}

	@Test
	void untickingEverythingUnsubscribesFromAll() {
		String path = links.preferencesPath(member);

		new Visitor(port).submit(path, path, Map.of());

		assertThat(optIns.of(member)).isEmpty();
	}

	@Test
	void savingWithoutTheFormsCsrfTokenIsRefused() {
		Visitor.Page refused = new Visitor(port).post(links.preferencesPath(member),
				Map.of("newsletter", String.valueOf(daily.id())));

		assertThat(refused.status()).isEqualTo(403);
		assertThat(optIns.of(member)).containsExactly(weekly.id());
	}

	@Test
	void aTamperedLinkShowsAClearPage() {
		String path = links.preferencesPath(member);
		String otherMember = path.replace("/" + member + ".", "/" + (member + 1) + ".");

		Visitor.Page page = new Visitor(port).get(otherMember);

		assertThat(page.status()).isEqualTo(400);
		assertThat(page.document().select("h1").text()).isEqualTo("This preferences link is not valid");
	}

	@Test
	void anUnsubscribeLinkDoesNotOpenThePreferences() {
		String unsubscribe = NewsletterFixtures.unsubscribePath(context, member, weekly.id(), 1);
		String token = unsubscribe.substring(unsubscribe.lastIndexOf('/') + 1);

		assertThat(new Visitor(port).get("/newsletters/preferences/" + token).status()).isEqualTo(400);
	}

	private static org.jsoup.nodes.Element box(Document document, Newsletter newsletter) {
		return document.selectFirst("input[name=newsletter][value=" + newsletter.id() + "]");
	}

}
