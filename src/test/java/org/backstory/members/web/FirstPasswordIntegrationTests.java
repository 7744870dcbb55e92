package org.backstory.members.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.backstory.Visitor;
import org.backstory.email.SentMail;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.backstory.members.NewAccount;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An account without a password gets its first one on the password page, from a session
 * an emailed link proved.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FirstPasswordIntegrationTests {

	private static final String CHOSEN = "my own chosen passphrase";

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory directory;

	@Autowired
	JdbcClient jdbc;

	@Test
	void afterConfirmingTheSignUpTheReaderSetsAPasswordWithoutACurrentOne() {
		String email = MemberFixtures.uniqueEmail("first");
		Visitor reader = new Visitor(port);
		reader.submit("/signup", "/signup", Map.of("email", email, "name", "First Password"));
		reader.submit(SentMail.lastTo(jdbc, email).path("/verify"), "/verify", Map.of());

		Visitor.Page form = reader.get("/account/password");
		assertThat(form.document().select("h1").text()).isEqualTo("Set a password");
		assertThat(form.document().select("input[name=currentPassword]")).isEmpty();
		Visitor.Page saved = reader.submit("/account/password", "/account/password", Map.of("newPassword", CHOSEN));

		assertThat(saved.header("Location")).endsWith("/account/password?saved");
		assertThat(new Visitor(port).signIn(email, CHOSEN).header("Location")).doesNotContain("error");
	}

	@Test
	void aSessionNotSignedInByAnEmailedLinkCannotChooseTheFirstPassword() {
		String email = MemberFixtures.uniqueEmail("oldsession");
		directory.createAccount(new NewAccount(email, "Old Session", null, MemberRole.MEMBER, true));
		Visitor reader = signedInByLink(email);
		// A session signed in before sessions recorded how they were signed in.
		jdbc.sql("""
				delete from spring_session_attributes where attribute_name = 'backstory.signIn'
				and session_primary_id in (select primary_id from spring_session where principal_name = :name)""")
			.param("name", Long.toString(directory.findByEmail(email).orElseThrow().id()))
			.update();

		Visitor.Page form = reader.get("/account/password");
		Visitor.Page refused = reader.post("/account/password", Map.of("_csrf", csrf(form), "newPassword", CHOSEN));

		assertThat(form.document().select("form[action=/account/password]")).isEmpty();
		assertThat(form.document().select(".members-link-needed a").attr("href")).startsWith("/login");
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.document().select(".error").text()).contains("sign in with a link we email you first");
		assertThat(new Visitor(port).signIn(email, CHOSEN).header("Location")).contains("error");

		Visitor again = signedInByLink(email);
		again.submit("/account/password", "/account/password", Map.of("newPassword", CHOSEN));
		assertThat(new Visitor(port).signIn(email, CHOSEN).header("Location")).doesNotContain("error");
	}

	private Visitor signedInByLink(String email) {
		new Visitor(port).submit("/login", "/login/link", Map.of("email", email));
		Visitor visitor = new Visitor(port);
		visitor.submit(SentMail.lastTo(jdbc, email).path("/login/link"), "/login/link/confirm", Map.of());
		return visitor;
	}

	private static String csrf(Visitor.Page page) {
		return page.document().select("input[name=_csrf]").attr("value");
	}

}
