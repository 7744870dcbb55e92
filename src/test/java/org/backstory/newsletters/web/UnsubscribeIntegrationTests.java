package org.backstory.newsletters.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.backstory.Visitor;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.newsletters.Newsletter;
import org.backstory.newsletters.NewsletterFixtures;
import org.backstory.newsletters.Newsletters;
import org.backstory.newsletters.OptIns;
import org.backstory.newsletters.SignedLinks;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The one-click unsubscribe link of a newsletter, over HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UnsubscribeIntegrationTests {

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

	private Newsletter newsletter;

	private Newsletter other;

	private long ada;

	private String adaEmail;

	private long bob;

	@BeforeEach
	void twoMembersGetTwoNewsletters() {
		newsletter = NewsletterFixtures.newsletter(newsletters, "unsub", false);
		other = NewsletterFixtures.newsletter(newsletters, "unsub-other", false);
		adaEmail = MemberFixtures.reader(members, "ada");
		ada = members.findByEmail(adaEmail).orElseThrow().id();
		bob = members.findByEmail(MemberFixtures.reader(members, "bob")).orElseThrow().id();
		for (long member : new long[] { ada, bob }) {
			optIns.optIn(member, newsletter.id());
			optIns.optIn(member, other.id());
		}
	}

	@Test
	void openingTheLinkAsksForConfirmationAndUnsubscribesNobody() {
		Visitor.Page page = new Visitor(port).get(adasLink());

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.document().select("h1").text())
			.isEqualTo("Unsubscribe " + adaEmail + " from " + newsletter.name() + "?");
		assertThat(page.document().select("form[method=post][action=" + adasLink() + "] button").text())
			.isEqualTo("Unsubscribe");
		assertThat(page.header("Cache-Control")).isEqualTo("private, no-store");
		assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
		assertThat(optIns.of(ada)).contains(newsletter.id());
	}

	@Test
	void aOneClickPostWithoutCookiesOrCsrfTokenUnsubscribesAndASecondChangesNothing() throws Exception {
		HttpResponse<String> first = oneClick(adasLink());

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(first.body()).text()).contains("You're unsubscribed from " + newsletter.name());
		assertThat(first.headers().allValues("Set-Cookie")).isEmpty();
		assertThat(optIns.of(ada)).doesNotContain(newsletter.id()).contains(other.id());

		HttpResponse<String> second = oneClick(adasLink());

		assertThat(second.statusCode()).isEqualTo(200);
		assertThat(second.body()).contains("already unsubscribed");
		assertThat(optIns.of(ada)).doesNotContain(newsletter.id()).contains(other.id());
	}

	@Test
	void theConfirmationButtonUnsubscribesAndLinksToThePreferencesToComeBack() {
		Visitor reader = new Visitor(port);
		reader.get(adasLink());

		Visitor.Page done = reader.post(adasLink(), Map.of("List-Unsubscribe", "One-Click"));

		assertThat(done.status()).isEqualTo(200);
		assertThat(done.document().select("h1").text()).isEqualTo("You're unsubscribed");
		String preferences = done.document().select("a:containsOwn(Choose your newsletters)").attr("href");
		assertThat(preferences).startsWith("/newsletters/preferences/");
		assertThat(reader.get(preferences)
			.document()
			.select("input[name=newsletter][value=" + newsletter.id() + "]")
			.hasAttr("checked")).isFalse();
		assertThat(optIns.of(ada)).doesNotContain(newsletter.id());
	}

	@Test
	void adasLinkNeverTouchesBob() throws Exception {
		oneClick(adasLink());

		assertThat(optIns.of(bob)).contains(newsletter.id(), other.id());
	}

	@ParameterizedTest
	@ValueSource(strings = { "member", "newsletter", "mac", "garbage" })
	void aTamperedLinkIsRefusedWithAClearPageAndChangesNothing(String tampering) throws Exception {
		String link = adasLink();
		String token = link.substring("/unsubscribe/".length());
		String mac = token.substring(token.lastIndexOf('.'));
		String tampered = switch (tampering) {
			case "member" -> "/unsubscribe/" + bob + "." + newsletter.id() + ".1" + mac;
			case "newsletter" -> "/unsubscribe/" + ada + "." + other.id() + ".1" + mac;
			case "mac" -> link.substring(0, link.length() - 1) + (link.endsWith("A") ? "B" : "A");
			default -> "/unsubscribe/not-a-token";
		};

		HttpResponse<String> answer = oneClick(tampered);
		Visitor.Page page = new Visitor(port).get(tampered);

		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.body()).contains("This unsubscribe link is not valid").doesNotContain("Exception");
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.document().select("h1").text()).isEqualTo("This unsubscribe link is not valid");
		assertThat(optIns.of(ada)).contains(newsletter.id(), other.id());
		assertThat(optIns.of(bob)).contains(newsletter.id(), other.id());
	}

	@Test
	void aPreferencesLinkIsNotAnUnsubscribeLink() throws Exception {
		String preferences = links.preferencesPath(ada);
		String token = preferences.substring(preferences.lastIndexOf('/') + 1);

		assertThat(oneClick("/unsubscribe/" + token).statusCode()).isEqualTo(400);
		assertThat(optIns.of(ada)).contains(newsletter.id());
	}

	@Test
	void theLinkOfADeletedAccountSaysItNoLongerWorks() throws Exception {
		Visitor reader = new Visitor(port);
		reader.signIn(adaEmail, MemberFixtures.PASSWORD);
		reader.submit("/account/delete", "/account/delete", Map.of("password", MemberFixtures.PASSWORD));
		assertThat(members.profile(ada)).isEmpty();

		HttpResponse<String> answer = oneClick(adasLink());

		assertThat(answer.statusCode()).isEqualTo(410);
		assertThat(answer.body()).contains("This unsubscribe link no longer works");
	}

	private String adasLink() {
		return NewsletterFixtures.unsubscribePath(context, ada, newsletter.id(), 1);
	}

	/**
	 * What a mail provider sends for RFC 8058: a bare form post, no cookies, no CSRF
	 * token.
	 */
	private HttpResponse<String> oneClick(String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

}
