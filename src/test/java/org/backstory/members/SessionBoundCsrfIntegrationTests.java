package org.backstory.members;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.backstory.CookieCsrf;
import org.backstory.Visitor;
import org.backstory.email.SentMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A signed-in member's CSRF token lives in their session, so a token cookie planted by
 * someone else (from a sibling subdomain, or on plain http) cannot forge their forms;
 * anonymous readers still get no session.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionBoundCsrfIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory directory;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPlantedTokenCookieCannotForgeASignedInMembersForm() {
		String email = MemberFixtures.reader(directory, "planted-csrf");
		Visitor member = new Visitor(port);
		member.signIn(email, MemberFixtures.PASSWORD);
		String attackers = UUID.randomUUID().toString();
		member.plantCookie("XSRF-TOKEN", attackers);

		Visitor.Page forged = member.post("/account/profile",
				Map.of("_csrf", CookieCsrf.masked(attackers), "name", "Forged Name"));

		assertThat(forged.status()).isEqualTo(403);
		assertThat(nameOf(email)).isEqualTo("Test planted-csrf");
	}

	@Test
	void theGenuineFormStillWorksWithAPlantedCookieAround() {
		String email = MemberFixtures.reader(directory, "genuine-csrf");
		Visitor member = new Visitor(port);
		member.signIn(email, MemberFixtures.PASSWORD);
		member.plantCookie("XSRF-TOKEN", UUID.randomUUID().toString());

		Visitor.Page saved = member.submit("/account/profile", "/account/profile", Map.of("name", "Genuine Name"));

		assertThat(saved.status()).isEqualTo(302);
		assertThat(nameOf(email)).isEqualTo("Genuine Name");
	}

	@Test
	void theTokenFromBeforeSigningInIsDeadAfterIt() {
		String email = MemberFixtures.reader(directory, "rotated-csrf");
		Visitor member = new Visitor(port);
		member.get("/login");
		String before = member.cookie("XSRF-TOKEN");
		assertThat(before).isNotNull();
		member.signIn(email, MemberFixtures.PASSWORD);
		member.plantCookie("XSRF-TOKEN", before);

		Visitor.Page forged = member.post("/account/profile",
				Map.of("_csrf", CookieCsrf.masked(before), "name", "Old Token"));

		assertThat(forged.status()).isEqualTo(403);
		assertThat(nameOf(email)).isEqualTo("Test rotated-csrf");
	}

	@Test
	void signingInWithThePasswordStoresTheNewTokenInTheSession() {
		String email = MemberFixtures.reader(directory, "stored-csrf");
		Visitor member = new Visitor(port);

		member.signIn(email, MemberFixtures.PASSWORD);

		assertThat(csrfTokensInSessionsOf(email)).isEqualTo(1);
		assertThat(member.cookie("XSRF-TOKEN")).isNull();
	}

	@Test
	void signingInWithALinkStoresTheNewTokenInTheSession() {
		String email = MemberFixtures.reader(directory, "link-csrf");
		new Visitor(port).submit("/login", "/login/link", Map.of("email", email));
		String link = SentMail.lastTo(jdbc, email).path("/login/link");
		Visitor member = new Visitor(port);

		assertThat(member.submit(link, "/login/link/confirm", Map.of()).status()).isEqualTo(302);

		assertThat(csrfTokensInSessionsOf(email)).isEqualTo(1);
		assertThat(member.cookie("XSRF-TOKEN")).isNull();
		assertThat(member.submit("/account/profile", "/account/profile", Map.of("name", "Linked Name")).status())
			.isEqualTo(302);
	}

	@Test
	void anonymousFormsStillWorkWithoutASession() {
		String email = MemberFixtures.reader(directory, "anonymous-csrf");
		Visitor visitor = new Visitor(port);

		Visitor.Page sent = visitor.submit("/password/forgot", "/password/forgot", Map.of("email", email));

		assertThat(sent.status()).isLessThan(400);
		assertThat(visitor.cookie("XSRF-TOKEN")).isNotNull();
		assertThat(visitor.cookie("backstory_session")).isNull();
	}

	@Test
	void readingAsAnonymousSetsNoCookieAndWritesNoSession() {
		long before = MemberFixtures.sessionRows(jdbc);
		Visitor reader = new Visitor(port);
		Visitor.Page home = reader.get("/");
		Visitor.Page article = reader.get(home.document().select("a[href^=/p/]").attr("href"));

		assertThat(article.status()).isEqualTo(200);
		assertThat(home.headers().allValues("Set-Cookie")).isEmpty();
		assertThat(article.headers().allValues("Set-Cookie")).isEmpty();
		assertThat(MemberFixtures.sessionRows(jdbc)).isEqualTo(before);
	}

	private long csrfTokensInSessionsOf(String email) {
		return jdbc
			.sql("""
					select count(*) from spring_session_attributes a join spring_session s on s.primary_id = a.session_primary_id
					where s.principal_name = :name and a.attribute_name like '%CSRF_TOKEN'
					""")
			.param("name", Long.toString(directory.findByEmail(email).orElseThrow().id()))
			.query(Long.class)
			.single();
	}

	private String nameOf(String email) {
		return directory.findByEmail(email).orElseThrow().name();
	}

}
