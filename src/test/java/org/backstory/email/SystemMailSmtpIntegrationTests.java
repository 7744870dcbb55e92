package org.backstory.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.backstory.LoopbackSmtp;
import org.backstory.Visitor;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.SandboxCards;
import org.backstory.billing.BillingFixtures;
import org.backstory.billing.payment.BillingMails;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.WelcomeMails;
import org.backstory.publishing.Publication;
import org.backstory.publishing.PublicationService;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * System mail as a reader receives it, over SMTP to GreenMail: a reader signs up,
 * confirms, asks for a sign-in link and subscribes over HTTP; every message that arrives
 * (confirmation, welcomes, sign-in link, receipt, dunning) is multipart/alternative with
 * the text part first and the HTML part second, comes from the publication's name at the
 * configured address, and shows a publication name full of markup as text.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class SystemMailSmtpIntegrationTests {

	private static final String NAME = "Harbour <script>alert(1)</script> & Sons";

	static final GreenMail smtp = LoopbackSmtp.greenMail();

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		GreenMailContext.route(smtp, registry, "Configured Name <letters@harbour.test>", "system_mail_test");
	}

	@AfterAll
	static void stop() {
		smtp.stop();
	}

	@LocalServerPort
	int port;

	@Autowired
	PublicationService publications;

	@Autowired
	MemberDirectory directory;

	@Autowired
	PlanCatalog catalog;

	@Autowired
	BillingMails billingMails;

	@Autowired
	WelcomeMails welcomes;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	private Publication found;

	@BeforeEach
	void aPublicationWithMarkupInItsName() {
		found = publications.publication();
		publications.update(new Publication(NAME, "Tagline", "#0a6e5c", "/media/logo.png", "Harbour Press Ltd",
				"1 Quay Street\nPortsmouth"));
	}

	@AfterEach
	void putBackThePublication() {
		publications.update(found);
	}

	@Test
	void everySystemMailOfAReadersFirstHourIsTextThenHtmlFromThePublicationWithItsNameAsText() throws Exception {
		Plan plan = catalog.createPlan(BillingFixtures.newPlan());
		String email = MemberFixtures.uniqueEmail("harbour");
		Visitor reader = new Visitor(port);
		reader.submit("/signup", "/signup", Map.of("email", email, "name", "Ada <b>Reader</b>"));
		Visitor.Page confirmed = reader.submit(SentMail.lastTo(jdbc, email).path("/verify"), "/verify", Map.of());
		assertThat(confirmed.status()).isEqualTo(302);
		Visitor.Page paid = reader.submit("/checkout/" + plan.code() + "?interval=month", "/checkout/" + plan.code(),
				Map.of("nameOnCard", "Ada Reader", "cardNumber", SandboxCards.SUCCEEDS, "expiry",
						BillingFixtures.expiryField(), "cvc", "123"));
		assertThat(paid.status()).isEqualTo(303);
		new Visitor(port).submit("/login", "/login/link", Map.of("email", email));
		long memberId = directory.findByEmail(email).orElseThrow().id();
		transactions.executeWithoutResult(status -> billingMails.paymentDeclined(memberId, 1, Instant.now()));

		List<String> subjects = List.of("Confirm your email address", "Welcome to " + NAME,
				"Thank you for subscribing to " + NAME, "Your receipt (invoice ", "Your sign-in link",
				"Your card was declined");
		Await.until("every mail arrives", () -> received(email).size() == subjects.size());
		List<MimeMessage> messages = received(email);
		assertThat(messages).extracting(MimeMessage::getSubject)
			.allSatisfy(subject -> assertThat(subjects).anyMatch(subject::startsWith));
		for (MimeMessage message : messages) {
			InternetAddress from = (InternetAddress) message.getFrom()[0];
			assertThat(from.getPersonal()).as("From of " + message.getSubject()).isEqualTo(NAME);
			assertThat(from.getAddress()).isEqualTo("letters@harbour.test");
			assertThat(message.getContentType()).startsWith("multipart/alternative");
			MimeMultipart parts = (MimeMultipart) message.getContent();
			assertThat(parts.getCount()).isEqualTo(2);
			assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
			assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
			String text = (String) parts.getBodyPart(0).getContent();
			String html = (String) parts.getBodyPart(1).getContent();
			assertThat(text).contains(NAME, "Harbour Press Ltd", "1 Quay Street");
			assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Sons");
			Document document = Jsoup.parse(html);
			assertThat(document.select("script")).isEmpty();
			assertThat(document.select("table.bs-card").attr("style")).contains("border-top:4px solid #0a6e5c");
			assertThat(document.select("img").attr("src")).startsWith("http").endsWith("/media/logo.png");
			assertThat(document.text()).contains(NAME, "Harbour Press Ltd", "1 Quay Street");
		}
		MimeMessage welcome = messages.stream()
			.filter(message -> subject(message).equals("Welcome to " + NAME))
			.findFirst()
			.orElseThrow();
		Document welcomeHtml = Jsoup.parse((String) ((MimeMultipart) welcome.getContent()).getBodyPart(1).getContent());
		assertThat(welcomeHtml.select("p").first().text()).isEqualTo("Hello Ada <b>Reader</b>,");
		assertThat(welcomeHtml.select("p b")).as("the member's name is text, not markup").isEmpty();
		MimeMessage signIn = messages.stream()
			.filter(message -> subject(message).equals("Your sign-in link"))
			.findFirst()
			.orElseThrow();
		Document signInHtml = Jsoup.parse((String) ((MimeMultipart) signIn.getContent()).getBodyPart(1).getContent());
		assertThat(signInHtml.select("a[href*=/login/link?token=]").first().text()).isEqualTo("Sign in");
		assertThat(((String) ((MimeMultipart) signIn.getContent()).getBodyPart(0).getContent()).replace("\r\n", "\n"))
			.as("the action as a line of its own in the text part")
			.containsPattern("\nSign in: https?://\\S+/login/link\\?token=\\S+\n");
	}

	@Test
	void eachWelcomeIsSentOncePerMemberHoweverOftenItIsAsked() throws Exception {
		String email = MemberFixtures.reader(directory, "once");
		long memberId = directory.findByEmail(email).orElseThrow().id();

		for (int i = 0; i < 3; i++) {
			transactions.executeWithoutResult(status -> welcomes.afterSubscribing(memberId));
		}

		assertThat(SentMail.countTo(jdbc, email, "Thank you for subscribing")).isEqualTo(1);
		Await.until("the welcome arrives", () -> received(email).size() == 1);
		assertThat(jdbc.sql("select count(*) from members.welcome_sent where member_id = :id")
			.param("id", memberId)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<MimeMessage> received(String email) {
		return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
			try {
				return message.getAllRecipients()[0].toString().equalsIgnoreCase(email);
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

}
