package org.backstory.members.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.backstory.Visitor;
import org.backstory.email.SentMail;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The welcome mails' settings page: the words staff save are the next welcome's words, a
 * preview shows the mail before, and bad input is refused with a message and saves
 * nothing. The texts are shared by every test, so each test puts back the stored ones.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WelcomeSettingsIntegrationTests {

	private static final String PATH = "/admin/settings/welcome";

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory directory;

	@Autowired
	JdbcClient jdbc;

	private Visitor administrator;

	@BeforeEach
	void signIn() {
		deleteStoredTexts();
		administrator = new Visitor(port);
		administrator.signIn(MemberFixtures.account(directory, "welcome-admin", MemberRole.ADMINISTRATOR),
				MemberFixtures.PASSWORD);
	}

	@AfterEach
	void putBackTheDefaults() {
		deleteStoredTexts();
	}

	@Test
	void thePageShowsTheDefaultWordsOfBothMails() {
		Document page = administrator.get(PATH).document();

		assertThat(page.select("form#welcome-signup input[name=subject]").val()).startsWith("Welcome to ");
		assertThat(page.select("form#welcome-subscriber input[name=subject]").val())
			.startsWith("Thank you for subscribing to ");
		assertThat(page.select("form#welcome-signup textarea[name=body]").text()).contains("Thank you for signing up");
	}

	@Test
	void savedWordsAreTheNextSignUpWelcome() {
		Visitor.Page saved = administrator.submit(PATH, PATH + "/signup",
				Map.of("subject", "Hello from the harbour", "body", "First paragraph.\n\nSecond <i>paragraph</i>."));

		assertThat(saved.status()).isEqualTo(303);
		assertThat(administrator.get(PATH).document().select("p.notice").text()).startsWith("After sign-up: saved.");
		String email = MemberFixtures.uniqueEmail("welcomed");
		Visitor reader = new Visitor(port);
		reader.submit("/signup", "/signup", Map.of("email", email, "name", "Wendy"));
		reader.submit(SentMail.lastTo(jdbc, email).path("/verify"), "/verify", Map.of());
		SentMail welcome = SentMail.lastTo(jdbc, email);
		assertThat(welcome.subject()).isEqualTo("Hello from the harbour");
		assertThat(welcome.text()).contains("Hello Wendy,\n\nFirst paragraph.\n\nSecond <i>paragraph</i>.");
		Document html = Jsoup.parse(html(welcome.id()));
		assertThat(html.select("p").eachText()).contains("First paragraph.", "Second <i>paragraph</i>.");
		assertThat(html.select("p i")).isEmpty();
		assertThat(SentMail.countTo(jdbc, email, "Hello from the harbour")).isEqualTo(1);
		reader.submit("/login", "/login/link", Map.of("email", email));
		reader.submit(SentMail.lastTo(jdbc, email).path("/login/link"), "/login/link/confirm", Map.of());
		assertThat(SentMail.countTo(jdbc, email, "Hello from the harbour")).as("welcomed once").isEqualTo(1);
	}

	@Test
	void aPreviewShowsTheMailWithTheUnsavedWordsAndSavesNothing() {
		Visitor.Page preview = postWithToken(PATH + "/subscriber/preview",
				Map.of("subject", "Previewed <subject>", "body", "Unsaved words & more."));

		assertThat(preview.status()).isEqualTo(200);
		assertThat(preview.header("Content-Security-Policy"))
			.startsWith("default-src 'none'; style-src 'unsafe-inline'");
		Document mail = preview.document();
		assertThat(mail.select("h1").text()).isEqualTo("Previewed <subject>");
		assertThat(mail.select("p").eachText()).contains("Unsaved words & more.");
		assertThat(mail.select("a").eachText()).contains("Start reading");
		assertThat(jdbc.sql("select count(*) from members.welcome_text").query(Long.class).single()).isZero();
	}

	@Test
	void anEmptySubjectOrAnOverlongTextIsRefusedWithAMessageAndNothingSaved() {
		Visitor.Page refused = administrator.submit(PATH, PATH + "/subscriber",
				Map.of("subject", "  ", "body", "x".repeat(5001)));

		assertThat(refused.status()).isEqualTo(422);
		Document page = refused.document();
		assertThat(page.select("form#welcome-subscriber p.error").eachText()).contains("Write a subject.",
				"The text must be at most 5000 characters.");
		assertThat(page.select("form#welcome-signup p.error")).isEmpty();
		assertThat(jdbc.sql("select count(*) from members.welcome_text").query(Long.class).single()).isZero();
		assertThat(postWithToken(PATH + "/subscriber/preview", Map.of("subject", "Fine", "body", "")).status())
			.isEqualTo(422);
	}

	@Test
	void anUnknownWelcomeMailIsNotFound() {
		assertThat(postWithToken(PATH + "/farewell", Map.of("subject", "Bye", "body", "Bye.")).status()).isEqualTo(404);
	}

	@Test
	void anEditorMayNotChangeTheWords() {
		Visitor editor = new Visitor(port);
		editor.signIn(MemberFixtures.account(directory, "welcome-editor", MemberRole.EDITOR), MemberFixtures.PASSWORD);

		assertThat(editor.get(PATH).status()).isEqualTo(403);
	}

	/**
	 * Posts as a button with its own {@code formaction} does: the form's token, other
	 * fields.
	 */
	private Visitor.Page postWithToken(String action, Map<String, String> fields) {
		Map<String, String> all = new LinkedHashMap<>();
		administrator.get(PATH)
			.document()
			.select("form#welcome-signup input[type=hidden]")
			.forEach(input -> all.put(input.attr("name"), input.attr("value")));
		all.putAll(fields);
		return administrator.post(action, all);
	}

	private String html(long id) {
		return jdbc.sql("select html_body from email.outgoing_mail where id = :id")
			.param("id", id)
			.query(String.class)
			.single();
	}

	private void deleteStoredTexts() {
		jdbc.sql("delete from members.welcome_text").update();
	}

}
