package org.backstory.members.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.backstory.Visitor;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A member's list of where they are signed in, and signing sessions out from it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionsIntegrationTests {

	static final String PAGE = "/account/sessions";

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory directory;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theListShowsEachSessionWithItsNetworkAndMarksThisDevice() {
		String email = MemberFixtures.reader(directory, "lister");
		Visitor laptop = signedIn(email, "198.19.41.17");
		Visitor phone = signedIn(email, "2001:db8:7:1::25");

		Visitor.Page page = laptop.get(PAGE);

		assertThat(page.status()).isEqualTo(200);
		Elements rows = page.document().select("table.sessions tbody tr");
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0).text()).contains("198.19.41.0/24", "(this device)", "UTC");
		assertThat(rows.get(1).text()).contains("2001:db8:7::/48").doesNotContain("this device");
		assertThat(page.body()).doesNotContain(laptop.cookie("backstory_session"))
			.doesNotContain(phone.cookie("backstory_session"));
	}

	@Test
	void signingOutEverywhereElseEndsEveryOtherSession() {
		String email = MemberFixtures.reader(directory, "everywhere");
		long id = directory.findByEmail(email).orElseThrow().id();
		Visitor here = signedIn(email, "198.19.42.1");
		Visitor phone = signedIn(email, "198.19.43.1");
		Visitor tablet = signedIn(email, "198.19.44.1");

		Visitor.Page answer = here.submit(PAGE, PAGE + "/others/end", Map.of());

		assertThat(answer.header("Location")).endsWith(PAGE + "?endedOthers");
		assertThat(phone.get("/account/profile").status()).isEqualTo(302);
		assertThat(tablet.get("/account/profile").status()).isEqualTo(302);
		assertThat(here.get(PAGE).document().select("table.sessions tbody tr")).hasSize(1);
		assertThat(MemberFixtures.sessionsOf(jdbc, id)).isEqualTo(1);
	}

	@Test
	void signingOutOneSessionEndsJustThatOne() {
		String email = MemberFixtures.reader(directory, "one");
		Visitor here = signedIn(email, "198.19.45.1");
		Visitor lost = signedIn(email, "198.19.46.1");
		Visitor kept = signedIn(email, "198.19.47.1");

		Visitor.Page answer = here.submit(PAGE, endAction(here, "198.19.46.0/24"), Map.of());

		assertThat(answer.header("Location")).endsWith(PAGE + "?ended");
		assertThat(lost.get("/account/profile").status()).isEqualTo(302);
		assertThat(kept.get("/account/profile").status()).isEqualTo(200);
		assertThat(here.get(PAGE + "?ended").document().select(".notice").text()).contains("signed out");
	}

	@Test
	void signingOutThisDevicesSessionSignsOut() {
		String email = MemberFixtures.reader(directory, "self");
		Visitor here = signedIn(email, "198.19.48.1");

		Visitor.Page answer = here.submit(PAGE, endAction(here, "198.19.48.0/24"), Map.of());

		assertThat(answer.status()).isEqualTo(302);
		assertThat(here.get("/account/profile").status()).isEqualTo(302);
	}

	@Test
	void anotherMembersSessionCannotBeSignedOut() {
		Visitor victim = signedIn(MemberFixtures.reader(directory, "victim"), "198.19.49.1");
		Visitor other = signedIn(MemberFixtures.reader(directory, "other"), "198.19.50.1");
		String victimsSession = endAction(victim, "198.19.49.0/24");

		Visitor.Page answer = StaffFixtures.post(other, victimsSession, Map.of());

		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.document().select(".error").text()).contains("already ended, or is not one of yours");
		assertThat(victim.get("/account/profile").status()).isEqualTo(200);
	}

	@Test
	void theFormsNeedACsrfTokenAndASignedInMember() {
		String email = MemberFixtures.reader(directory, "csrf-sessions");
		Visitor here = signedIn(email, "198.19.51.1");
		Visitor other = signedIn(email, "198.19.52.1");
		String action = endAction(here, "198.19.52.0/24");

		assertThat(here.post(action, Map.of()).status()).isEqualTo(403);
		assertThat(here.post(PAGE + "/others/end", Map.of()).status()).isEqualTo(403);
		assertThat(new Visitor(port).get(PAGE).status()).isEqualTo(302);
		assertThat(other.get("/account/profile").status()).isEqualTo(200);
	}

	@Test
	void theAccountPageLinksToTheList() {
		Visitor here = signedIn(MemberFixtures.reader(directory, "linked"), "198.19.53.1");

		assertThat(here.get("/account").document().select("a[href=" + PAGE + "]")).hasSize(1);
	}

	private Visitor signedIn(String email, String clientIp) {
		Visitor visitor = new Visitor(port, clientIp);
		visitor.signIn(email, MemberFixtures.PASSWORD);
		return visitor;
	}

	/**
	 * The action of the form that ends the session signed in from {@code network}, on
	 * {@code visitor}'s list.
	 */
	private String endAction(Visitor visitor, String network) {
		return visitor.get(PAGE)
			.document()
			.select("table.sessions tbody tr")
			.stream()
			.filter(row -> row.text().contains(network))
			.findFirst()
			.map(row -> row.selectFirst("form"))
			.map(form -> form.attr("action"))
			.orElseThrow(() -> new AssertionError("no session from " + network));
	}

}
