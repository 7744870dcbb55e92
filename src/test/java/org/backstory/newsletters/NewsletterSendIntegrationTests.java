package org.backstory.newsletters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import org.backstory.LoopbackSmtp;
import org.backstory.OwnDatabase;
import org.backstory.Visitor;
import org.backstory.billing.BillingFixtures;
import org.backstory.billing.BillingInterval;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.checkout.CheckoutService;
import org.backstory.email.SentMail;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberRole;
import org.backstory.members.MembersProbe;
import org.backstory.members.NewAccount;
import org.backstory.members.SignedInMember;
import org.backstory.publishing.ArticleDraft;
import org.backstory.publishing.ArticleEditor;
import org.backstory.publishing.ArticleFixtures;
import org.backstory.publishing.SystemPublisher;
import org.backstory.publishing.TaxonomyCreator;
import org.backstory.publishing.Visibility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A newsletter send to a real SMTP server (GreenMail): who gets what, the message's
 * structure and headers, and that paid text only reaches those who may read it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@OwnDatabase("newsletter_send")
class NewsletterSendIntegrationTests {

	static final GreenMail smtp = LoopbackSmtp.greenMail();

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		NewsletterFixtures.sendQuicklyTo(smtp, registry);
		registry.add("backstory.base-url", () -> "https://news.backstory.test");
	}

	@AfterAll
	static void stop() {
		smtp.stop();
	}

	@LocalServerPort
	int port;

	@Autowired
	Newsletters newsletters;

	@Autowired
	OptIns optIns;

	@Autowired
	NewsletterSends sends;

	@Autowired
	Suppressions suppressions;

	@Autowired
	MemberDirectory members;

	@Autowired
	CheckoutService checkouts;

	@Autowired
	PlanCatalog catalog;

	@Autowired
	ArticleEditor editor;

	@Autowired
	TaxonomyCreator taxonomyCreator;

	@Autowired
	SystemPublisher systemPublisher;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	ArticleFixtures articles;

	Newsletter newsletter;

	Plan plan;

	@BeforeEach
	void setUp() {
		articles = new ArticleFixtures(editor, systemPublisher, taxonomyCreator);
		newsletter = newsletters.create(NewsletterFixtures.settings());
		plan = catalog.createPlan(BillingFixtures.newPlan());
	}

	@Test
	void everyRecipientGetsOneMultipartMessageWithTheListHeaders() throws Exception {
		SignedInMember reader = optedIn(BillingFixtures.registeredMember(members));
		ArticleDraft article = articles.published(Visibility.everyone());

		long send = sendNow(article, Audience.ALL);

		ReceivedMail mail = only(reader.email());
		assertThat(mail.contentType()).startsWith("multipart/alternative");
		assertThat(mail.text()).contains("Free paragraph of " + article.slug(), "Gated paragraph of " + article.slug());
		assertThat(mail.html()).contains("Free paragraph of " + article.slug(), "Gated paragraph of " + article.slug());
		assertThat(mail.message().getSubject()).isEqualTo(article.title());
		assertThat(mail.header("From")).isEqualTo("The Backstory <news@backstory.test>");
		assertThat(mail.header("Reply-To")).isEqualTo("editors@backstory.test");
		assertThat(mail.to()).contains(reader.email());
		assertThat(mail.header("Message-ID")).isEqualTo("<newsletter." + send + "." + reader.id() + "@backstory.test>");
		assertThat(mail.message().getSentDate()).isNotNull();
		assertThat(mail.header("List-Id"))
			.isEqualTo("\"" + newsletter.name() + "\" <" + newsletter.slug() + ".news.backstory.test>");
		assertThat(mail.header("List-Unsubscribe")).matches(
				"<https://news\\.backstory\\.test/unsubscribe/[A-Za-z0-9._-]+>, <mailto:editors@backstory\\.test\\?subject=unsubscribe>");
		assertThat(mail.header("List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
		String unsubscribe = mail.header("List-Unsubscribe").substring(1, mail.header("List-Unsubscribe").indexOf('>'));
		assertThat(mail.html()).contains(unsubscribe, reader.email());
		assertThat(mail.text()).contains(unsubscribe, reader.email());
		assertThat(sends.tally(send)).isEqualTo(new SendTally(0, 1, 0, 0, 0));
	}

	@Test
	void theListUnsubscribeLinkUnsubscribesWithOneClickPostAndNoLogin() throws Exception {
		SignedInMember reader = optedIn(BillingFixtures.registeredMember(members));
		sendNow(articles.published(Visibility.everyone()), Audience.ALL);
		String header = only(reader.email()).header("List-Unsubscribe");
		String path = header.substring(header.indexOf("/unsubscribe/"), header.indexOf('>'));

		// What a mail provider does for RFC 8058: a POST with this body, no cookie, no
		// CSRF token.
		Visitor.Page once = new Visitor(port).post(path, Map.of("List-Unsubscribe", "One-Click"));
		Visitor.Page twice = new Visitor(port).post(path, Map.of("List-Unsubscribe", "One-Click"));

		assertThat(once.status()).isEqualTo(200);
		assertThat(twice.status()).isEqualTo(200);
		assertThat(optIns.of(reader.id())).doesNotContain(newsletter.id());
	}

	@Test
	void paidParagraphsReachOnlyRecipientsWhoMayReadThem() {
		SignedInMember free = optedIn(BillingFixtures.registeredMember(members));
		SignedInMember paying = optedIn(
				BillingFixtures.subscribedMember(members, checkouts, plan, BillingInterval.MONTH, "4242424242424242"));
		SignedInMember editor = optedIn(staff());
		ArticleDraft article = articles.published(Visibility.paid());

		sendNow(article, Audience.ALL);

		String gated = "Gated paragraph of " + article.slug();
		ReceivedMail toFree = only(free.email());
		assertThat(toFree.text()).contains("Free paragraph of " + article.slug()).doesNotContain(gated);
		assertThat(toFree.html())
			.contains("Free paragraph of " + article.slug(), "Already a subscriber? Log in",
					"https://news.backstory.test/subscribe")
			.doesNotContain(gated);
		assertThat(new String(raw(toFree))).doesNotContain("Gated paragraph");
		assertThat(only(paying.email()).html()).contains(gated).doesNotContain("Already a subscriber? Log in");
		assertThat(only(paying.email()).text()).contains(gated);
		assertThat(only(editor.email()).html()).contains(gated);
	}

	@Test
	void audiencesSplitFreeAndPayingMembers() {
		SignedInMember free = optedIn(BillingFixtures.registeredMember(members));
		SignedInMember paying = optedIn(
				BillingFixtures.subscribedMember(members, checkouts, plan, BillingInterval.MONTH, "4242424242424242"));
		ArticleDraft forPaid = articles.published(Visibility.everyone());
		ArticleDraft forFree = articles.published(Visibility.everyone());

		sendNow(forPaid, Audience.PAID);
		sendNow(forFree, Audience.FREE);

		assertThat(subjectsTo(paying.email())).containsExactly(forPaid.title());
		assertThat(subjectsTo(free.email())).containsExactly(forFree.title());
	}

	@Test
	void suppressedAndInvalidAddressesAreNotMailedAndTheRestAre() {
		SignedInMember suppressed = optedIn(BillingFixtures.registeredMember(members));
		suppressions.suppress(suppressed.email(), SuppressionReason.BOUNCE, "550 no such user");
		SignedInMember fine = optedIn(BillingFixtures.registeredMember(members));
		long invalid = members.createAccount(new NewAccount("invalid" + BillingFixtures.newMemberId() + "@send.test",
				"Broken Address", null, MemberRole.MEMBER, true));
		// An address imported before validation existed, which SMTP would refuse.
		MembersProbe.setEmailUnchecked(jdbc, invalid, "not an address " + invalid + "@@send.test");
		optIns.optIn(invalid, newsletter.id());

		long send = sendNow(articles.published(Visibility.everyone()), Audience.ALL);

		assertThat(subjectsTo(suppressed.email())).isEmpty();
		assertThat(subjectsTo(fine.email())).hasSize(1);
		assertThat(sends.tally(send)).isEqualTo(new SendTally(0, 1, 1, 0, 1));
		assertThat(sends.failures(send, 10)).extracting(RecipientFailure::status, RecipientFailure::error)
			.contains(org.assertj.core.groups.Tuple.tuple("failed", "Not a valid email address."),
					org.assertj.core.groups.Tuple.tuple("suppressed", "The address is on the suppression list."));
	}

	@Test
	void anUnconfirmedSignUpGetsNoCopyUntilTheAddressIsConfirmed() {
		SignedInMember confirmed = optedIn(BillingFixtures.registeredMember(members));
		String email = "signup" + BillingFixtures.newMemberId() + "@send.test";
		Visitor reader = new Visitor(port);
		reader.submit("/signup", "/signup", Map.of("email", email, "name", "Una Confirmed"), "optIn",
				List.of(NewsletterSignupOptIns.key(newsletter)));
		assertThat(optIns.of(members.findByEmail(email).orElseThrow().id())).contains(newsletter.id());
		ArticleDraft beforeConfirming = articles.published(Visibility.everyone());

		sendNow(beforeConfirming, Audience.ALL);
		assertThat(subjectsTo(email)).isEmpty();
		reader.submit(SentMail.lastTo(jdbc, email).path("/verify"), "/verify", Map.of());
		ArticleDraft afterConfirming = articles.published(Visibility.everyone());
		sendNow(afterConfirming, Audience.ALL);

		assertThat(subjectsTo(email)).containsExactly(afterConfirming.title());
		assertThat(subjectsTo(confirmed.email())).containsExactly(beforeConfirming.title(), afterConfirming.title());
	}

	@Test
	void anArticleGoesToANewsletterOnlyOnce() {
		optedIn(BillingFixtures.registeredMember(members));
		ArticleDraft article = articles.published(Visibility.everyone());
		sendNow(article, Audience.ALL);

		assertThat(org.assertj.core.api.Assertions
			.catchThrowableOfType(InvalidNewsletterException.class,
					() -> sends.schedule(article.id(), newsletter.id(), Audience.ALL, clock.instant(), null))
			.problems())
			.containsExactly("This article has already been sent (or is scheduled) to " + newsletter.name() + ".");
	}

	private long sendNow(ArticleDraft article, Audience audience) {
		long send = sends.schedule(article.id(), newsletter.id(), audience, clock.instant(), null);
		NewsletterFixtures.awaitSent(sends, send, Duration.ofSeconds(20));
		return send;
	}

	private SignedInMember optedIn(SignedInMember member) {
		optIns.optIn(member.id(), newsletter.id());
		return member;
	}

	private SignedInMember staff() {
		String email = "editor" + BillingFixtures.newMemberId() + "@send.test";
		long id = members.createAccount(new NewAccount(email, "Ed Itor", null, MemberRole.EDITOR, true));
		return new SignedInMember(id, email, "Ed Itor", MemberRole.EDITOR);
	}

	private ReceivedMail only(String address) {
		List<ReceivedMail> mails = to(address);
		assertThat(mails).as("messages to " + address).hasSize(1);
		return mails.get(0);
	}

	private List<String> subjectsTo(String address) {
		return to(address).stream().map(ReceivedMail::subject).toList();
	}

	private static List<ReceivedMail> to(String address) {
		return ReceivedMail.sendsTo(smtp, address);
	}

	private static byte[] raw(ReceivedMail mail) {
		try {
			var out = new java.io.ByteArrayOutputStream();
			mail.message().writeTo(out);
			return out.toByteArray();
		}
		catch (IOException | jakarta.mail.MessagingException ex) {
			throw new AssertionError(ex);
		}
	}

}
