package org.backstory.newsletters.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.backstory.LoopbackSmtp;
import org.backstory.Visitor;
import org.backstory.email.OwnSchedulerTable;
import org.backstory.email.SentMail;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.newsletters.SuppressionReason;
import org.backstory.newsletters.Suppressions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A member whose address is suppressed confirms it through a link mailed over SMTP (to
 * GreenMail).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class AddressConfirmationIntegrationTests {

	static final String PATH = "/newsletters/confirm-address";

	static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(" + PATH + "/[A-Za-z0-9_-]+)");

	static final GreenMail smtp = LoopbackSmtp.greenMail();

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		LoopbackSmtp.routeMailTo(smtp, registry);
		registry.add("db-scheduler.table-name", () -> OwnSchedulerTable.create("address_confirmation_test"));
	}

	@AfterAll
	static void stop() {
		smtp.stop();
	}

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory directory;

	@Autowired
	Suppressions suppressions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aMemberConfirmsTheirAddressWithTheMailedLinkAndGetsNewslettersAgain() throws Exception {
		String email = MemberFixtures.reader(directory, "reconfirm");
		suppressions.suppress(email, SuppressionReason.BOUNCE, "550 5.1.1 no such user");
		Visitor member = signedIn(email);

		Visitor.Page status = member.get(PATH);
		Visitor.Page asked = member.submit(PATH, PATH, Map.of());
		MimeMessage mail = awaitMailTo(email);
		String link = linkIn((String) ((MimeMultipart) mail.getContent()).getBodyPart(0).getContent());
		Visitor.Page opened = member.get(link);
		boolean suppressedAfterOpening = suppressions.isSuppressed(email);
		Visitor.Page confirmed = member.submit(link, link, Map.of());

		assertThat(status.status()).isEqualTo(200);
		assertThat(status.document().select(".address-reason").text())
			.isEqualTo(SuppressionReason.BOUNCE.explanation());
		assertThat(status.document().select("form[action=" + PATH + "] button").text())
			.isEqualTo("Send me a confirmation link");
		assertThat(asked.document().select("h1").text()).isEqualTo("Check your inbox");
		assertThat(mail.getSubject()).isEqualTo("Confirm your address to get newsletters again");
		assertThat(opened.status()).isEqualTo(200);
		assertThat(opened.document().select("form[action=" + link + "] button").text()).isEqualTo("Confirm my address");
		assertThat(suppressedAfterOpening).as("opening the link, as a mail scanner would, confirms nothing").isTrue();
		assertThat(confirmed.status()).isEqualTo(200);
		assertThat(confirmed.document().select(".address-message").text())
			.isEqualTo("Your address is confirmed; newsletters will reach you again.");
		assertThat(suppressions.isSuppressed(email)).isFalse();
	}

	@Test
	void aUsedLinkIsRefused() {
		String email = suppressedReader("reused");
		Visitor member = signedIn(email);
		String link = requestLink(member, email);
		member.submit(link, link, Map.of());
		suppressions.suppress(email, SuppressionReason.COMPLAINT, "");
		Visitor.Page confirmPage = member.get(PATH);
		String csrf = confirmPage.document().select("input[name=_csrf]").attr("value");

		Visitor.Page opened = member.get(link);
		Visitor.Page pressed = member.post(link, Map.of("_csrf", csrf));

		assertThat(opened.status()).isEqualTo(400);
		assertThat(opened.body()).contains("already been used");
		assertThat(pressed.status()).isEqualTo(400);
		assertThat(suppressions.isSuppressed(email)).isTrue();
	}

	@Test
	void anExpiredLinkIsRefused() {
		String email = suppressedReader("expired");
		Visitor member = signedIn(email);
		String link = requestLink(member, email);
		Visitor.Page opened = member.get(link);
		String csrf = opened.document().select("input[name=_csrf]").attr("value");
		jdbc.sql(
				"update newsletters.address_confirmation set expires_at = now() - interval '1 second' where address = :address")
			.param("address", email)
			.update();

		Visitor.Page reopened = member.get(link);
		Visitor.Page pressed = member.post(link, Map.of("_csrf", csrf));

		assertThat(opened.status()).isEqualTo(200);
		assertThat(reopened.status()).isEqualTo(400);
		assertThat(reopened.document().select(".address-message").text())
			.startsWith("This confirmation link has expired");
		assertThat(pressed.status()).isEqualTo(400);
		assertThat(suppressions.isSuppressed(email)).isTrue();
	}

	@Test
	void aMadeUpOrTamperedLinkIsRefused() {
		String email = suppressedReader("tampered");
		Visitor member = signedIn(email);
		String link = requestLink(member, email);
		String tampered = link.substring(0, link.length() - 1) + (link.endsWith("A") ? "B" : "A");

		Visitor.Page page = member.get(tampered);
		Visitor.Page madeUp = member.get(PATH + "/not-a-token");

		assertThat(page.status()).isEqualTo(400);
		assertThat(page.body()).contains("This confirmation link is not valid.");
		assertThat(madeUp.status()).isEqualTo(400);
		assertThat(suppressions.isSuppressed(email)).isTrue();
	}

	@Test
	void anotherMembersLinkIsRefused() {
		String email = suppressedReader("owner-of-link");
		String link = requestLink(signedIn(email), email);
		Visitor other = signedIn(MemberFixtures.reader(directory, "other"));

		Visitor.Page page = other.get(link);

		assertThat(page.status()).isEqualTo(400);
		assertThat(page.body()).contains("not valid");
	}

	@Test
	void aMemberMayAskForOneLinkEveryFiveMinutesAndANewLinkReplacesTheOld() {
		String email = suppressedReader("throttled");
		Visitor member = signedIn(email);
		String first = requestLink(member, email);

		Visitor.Page again = member.submit(PATH, PATH, Map.of());
		long mailsWhileThrottled = SentMail.countTo(jdbc, email);
		jdbc.sql(
				"update newsletters.address_confirmation set created_at = created_at - interval '5 minutes' where address = :address")
			.param("address", email)
			.update();
		String second = requestLink(member, email);

		assertThat(again.status()).isEqualTo(429);
		assertThat(again.document().select(".error").text()).startsWith("We sent you a link less than 5 minutes ago.");
		assertThat(mailsWhileThrottled).isEqualTo(1);
		assertThat(second).isNotEqualTo(first);
		assertThat(member.get(first).status()).as("the older link").isEqualTo(400);
		assertThat(member.get(second).status()).isEqualTo(200);
	}

	@Test
	void aMemberWhoseAddressIsNotSuppressedHasNothingToConfirm() {
		String email = MemberFixtures.reader(directory, "fine");
		Visitor member = signedIn(email);

		Visitor.Page page = member.get(PATH);
		Visitor.Page asked = member.post(PATH,
				Map.of("_csrf", page.document().select("input[name=_csrf]").attr("value")));

		assertThat(page.document().select(".address-status").text()).contains("nothing to confirm");
		assertThat(page.document().select("form[action=" + PATH + "]")).isEmpty();
		assertThat(asked.status()).isEqualTo(200);
		assertThat(SentMail.countTo(jdbc, email)).isZero();
	}

	@Test
	void theLinkNeedsTheMemberToSignIn() {
		String email = suppressedReader("signed-out");
		String link = requestLink(signedIn(email), email);

		Visitor.Page page = new Visitor(port).get(link);

		assertThat(page.status()).isEqualTo(302);
		assertThat(page.header("Location")).contains("/login?next=%2Fnewsletters%2Fconfirm-address%2F");
		assertThat(suppressions.isSuppressed(email)).isTrue();
	}

	private String suppressedReader(String who) {
		String email = MemberFixtures.reader(directory, who);
		suppressions.suppress(email, SuppressionReason.BOUNCE, "");
		return email;
	}

	private Visitor signedIn(String email) {
		Visitor visitor = new Visitor(port);
		visitor.signIn(email, MemberFixtures.PASSWORD);
		return visitor;
	}

	/**
	 * Asks for a link on the page and returns its path, read from the mail as stored for
	 * delivery.
	 */
	private String requestLink(Visitor member, String email) {
		Visitor.Page asked = member.submit(PATH, PATH, Map.of());
		assertThat(asked.status()).isEqualTo(200);
		return linkIn(SentMail.lastTo(jdbc, email).text());
	}

	private static String linkIn(String text) {
		Matcher matcher = LINK.matcher(text);
		assertThat(matcher.find()).as("a confirmation link in the mail").isTrue();
		return matcher.group(1);
	}

	private static MimeMessage awaitMailTo(String email) throws MessagingException, InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (System.nanoTime() < deadline) {
			Optional<MimeMessage> mail = Arrays.stream(smtp.getReceivedMessages())
				.filter(m -> isTo(m, email))
				.findFirst();
			if (mail.isPresent()) {
				return mail.get();
			}
			Thread.sleep(50);
		}
		throw new AssertionError("No mail to " + email + " reached GreenMail");
	}

	private static boolean isTo(MimeMessage message, String email) {
		try {
			Address[] to = message.getAllRecipients();
			return to != null && Arrays.stream(to).anyMatch(address -> address.toString().equalsIgnoreCase(email));
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
