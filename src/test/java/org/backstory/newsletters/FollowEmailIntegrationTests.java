package org.backstory.newsletters;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import org.backstory.LoopbackSmtp;
import org.backstory.OwnDatabase;
import org.backstory.Visitor;
import org.backstory.billing.BillingFixtures;
import org.backstory.billing.BillingInterval;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.checkout.CheckoutService;
import org.backstory.email.Await;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberRole;
import org.backstory.members.NewAccount;
import org.backstory.members.SignedInMember;
import org.backstory.publishing.ArticleDraft;
import org.backstory.publishing.ArticleEditor;
import org.backstory.publishing.ArticleFixtures;
import org.backstory.publishing.Storyline;
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
 * Follow emails (issue 14 §2) to a real SMTP server (GreenMail): a new article in a
 * storyline reaches each follower once, through the newsletter send machinery, rendered
 * per recipient through the access policy; the one-click unfollow link ends that follow
 * only; the same article as a newsletter is not mailed twice; a follower claimed by a
 * node that died is mailed when its lease ends.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@OwnDatabase("follow_email")
class FollowEmailIntegrationTests {

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
	ArticlePublishing publishing;

	@Autowired
	StorylineFollows follows;

	@Autowired
	SendStart start;

	@Autowired
	FollowEmails followEmails;

	@Autowired
	Suppressions suppressions;

	@Autowired
	SendWorkers workers;

	@Autowired
	MemberDirectory members;

	@Autowired
	CheckoutService checkouts;

	@Autowired
	PlanCatalog plans;

	@Autowired
	ArticleEditor editor;

	@Autowired
	TaxonomyCreator taxonomyCreator;

	@Autowired
	SystemPublisher systemPublisher;

	@Autowired
	Scheduler scheduler;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	ArticleFixtures articles;

	Newsletter newsletter;

	Storyline story;

	@BeforeEach
	void setUp() {
		articles = new ArticleFixtures(editor, systemPublisher, taxonomyCreator);
		newsletter = newsletters.create(NewsletterFixtures.settings());
		story = articles.storyline();
	}

	@Test
	void aFollowerGetsOneEmailAboutTheNewPartWithAnUnfollowLinkForThatStory() throws MessagingException {
		SignedInMember reader = following(BillingFixtures.registeredMember(members));

		ArticleDraft part = publishPart(Visibility.everyone());

		ReceivedMail mail = awaitOnly(reader.email());
		assertThat(mail.message().getSubject()).isEqualTo("New in " + story.title() + ": " + part.title());
		assertThat(mail.html()).contains("Gated paragraph of " + part.slug(),
				"https://news.backstory.test/p/" + part.slug(), "because you follow the story " + story.title(),
				"Unfollow this story");
		assertThat(mail.text()).contains("Unfollow this story: https://news.backstory.test/unfollow/");
		assertThat(mail.header("List-Unsubscribe")).matches(
				"<https://news\\.backstory\\.test/unfollow/[A-Za-z0-9._-]+>, <mailto:editors@backstory\\.test\\?subject=unsubscribe>");
		assertThat(mail.header("List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
		assertThat(mail.header("List-Id")).endsWith("<follow-" + story.id() + ".news.backstory.test>");
		String unfollow = link(mail);
		assertThat(mail.html()).contains(unfollow);
		assertThat(followSendOf(part).storylineId()).isEqualTo(story.id());
	}

	@Test
	void paidTextReachesOnlyFollowersWhoMayReadIt() {
		Plan plan = plans.createPlan(BillingFixtures.newPlan());
		SignedInMember free = following(BillingFixtures.registeredMember(members));
		SignedInMember paying = following(
				BillingFixtures.subscribedMember(members, checkouts, plan, BillingInterval.MONTH, "4242424242424242"));

		ArticleDraft part = publishPart(Visibility.paid());

		String gated = "Gated paragraph of " + part.slug();
		ReceivedMail toFree = awaitOnly(free.email());
		assertThat(toFree.html()).contains("Free paragraph of " + part.slug(), "Already a subscriber? Log in")
			.doesNotContain(gated);
		assertThat(toFree.text()).doesNotContain(gated);
		ReceivedMail toPaying = awaitOnly(paying.email());
		assertThat(toPaying.html()).contains(gated).doesNotContain("Already a subscriber? Log in");
		assertThat(toPaying.text()).contains(gated);
	}

	@Test
	void theStartRunTwiceAndTheArticlePublishedAgainMailOnce() {
		SignedInMember reader = following(BillingFixtures.registeredMember(members));
		ArticleDraft part = publishPart(Visibility.everyone());
		awaitOnly(reader.email());
		Send send = followSendOf(part);
		NewsletterFixtures.awaitSent(sends, send.id(), Duration.ofSeconds(20));

		boolean again = start.start(send.id());
		systemPublisher.unpublish(part.id());
		systemPublisher.publishNow(part.id());
		followEmails.timeCame(part.id() + "@" + editor.statusOf(part.id()).orElseThrow().publishedAt().toEpochMilli());
		scheduler.triggerCheckForDueExecutions();

		assertThat(again).isFalse();
		assertThat(sends.ofArticle(part.id())).hasSize(1);
		assertThat(sends.tally(send.id())).isEqualTo(new SendTally(0, 1, 0, 0, 0));
		assertThat(to(reader.email())).hasSize(1);
	}

	@Test
	void aFollowEmailClaimedByANodeThatDiedIsMailedOnceItsLeaseEnds() {
		SignedInMember reader = following(BillingFixtures.registeredMember(members));
		ArticleDraft part;
		long send;
		workers.stop();
		try {
			part = publishPart(Visibility.everyone());
			Await.until("the follow email started", Duration.ofSeconds(20),
					() -> sends.ofArticle(part.id())
						.stream()
						.anyMatch(s -> s.storylineId() != null && s.status() == SendStatus.SENDING));
			send = followSendOf(part).id();
			// A node took the whole range, claimed the follower and died before mailing;
			// its lease ended a second ago.
			jdbc.sql("update newsletters.send set handed_out = recipients where id = ?").param(send).update();
			jdbc.sql("update newsletters.recipient set claimed_by = 'dead-node', next_attempt_at = ? where send_id = ?")
				.params(Timestamp.from(clock.instant().minusSeconds(1)), send)
				.update();
		}
		finally {
			workers.start();
		}

		awaitOnly(reader.email());
		NewsletterFixtures.awaitSent(sends, send, Duration.ofSeconds(20));
		assertThat(sends.tally(send)).isEqualTo(new SendTally(0, 1, 0, 0, 0));
		assertThat(to(reader.email())).hasSize(1);
	}

	@Test
	void aFollowerWhoGetsTheArticleAsANewsletterIsNotMailedItTwice() {
		SignedInMember both = following(BillingFixtures.registeredMember(members));
		optIns.optIn(both.id(), newsletter.id());
		SignedInMember followerOnly = following(BillingFixtures.registeredMember(members));
		long id = editor.save(articles.part(story, Visibility.everyone()));

		String editorEmail = "editor" + BillingFixtures.newMemberId() + "@follow.test";
		SignedInMember staff = new SignedInMember(
				members.createAccount(new NewAccount(editorEmail, "Eda Editor", null, MemberRole.EDITOR, true)),
				editorEmail, "Eda Editor", MemberRole.EDITOR);
		publishing.publish(id, new PublishChoice(PublishMode.SITE_AND_EMAIL, newsletter.id(), Audience.ALL, null),
				staff);

		ReceivedMail follow = awaitOnly(followerOnly.email());
		assertThat(follow.header("List-Id")).contains("follow-" + story.id());
		ReceivedMail letter = awaitOnly(both.email());
		assertThat(letter.header("List-Id")).contains(newsletter.slug());
		NewsletterFixtures.awaitSent(sends, followSendOf(id).id(), Duration.ofSeconds(20));
		assertThat(to(both.email())).hasSize(1);
	}

	@Test
	void aSuppressedFollowerIsNotMailed() {
		SignedInMember suppressed = following(BillingFixtures.registeredMember(members));
		suppressions.suppress(suppressed.email(), SuppressionReason.BOUNCE, "550 no such user");
		SignedInMember fine = following(BillingFixtures.registeredMember(members));

		ArticleDraft part = publishPart(Visibility.everyone());

		awaitOnly(fine.email());
		NewsletterFixtures.awaitSent(sends, followSendOf(part).id(), Duration.ofSeconds(20));
		assertThat(to(suppressed.email())).isEmpty();
		assertThat(sends.tally(followSendOf(part).id())).isEqualTo(new SendTally(0, 1, 0, 0, 1));
	}

	@Test
	void aScheduledPartMailsFollowersWhenItsTimeComes() {
		SignedInMember reader = following(BillingFixtures.registeredMember(members));
		long id = editor.save(articles.part(story, Visibility.everyone()));
		Instant at = clock.instant().plusSeconds(2);

		systemPublisher.schedule(id, at);

		assertThat(sends.ofArticle(id)).isEmpty();
		Await.until("a follow email once the time came", Duration.ofSeconds(30), () -> {
			scheduler.triggerCheckForDueExecutions();
			return !to(reader.email()).isEmpty();
		});
		assertThat(to(reader.email())).hasSize(1);
	}

	@Test
	void anArticleMovedIntoTheStorylineAfterPublicationMailsNobody() {
		following(BillingFixtures.registeredMember(members));
		ArticleDraft alone = articles.draft(Visibility.everyone());
		long id = articles.publish(alone);

		editor.save(new ArticleDraft(id, alone.slug(), alone.title(), alone.dek(), alone.bodyMarkdown(),
				alone.authorSlugs(), List.of(), story.slug(), null, null, alone.visibility()));

		assertThat(sends.ofArticle(id)).isEmpty();
	}

	@Test
	void theOneClickLinkUnfollowsThatStoryOnlyWithoutLoginAndATamperedOneIsRefused() {
		SignedInMember reader = following(BillingFixtures.registeredMember(members));
		optIns.optIn(reader.id(), newsletter.id());
		Storyline other = articles.storyline();
		follows.follow(reader.id(), other.id());
		publishPart(Visibility.everyone());
		String path = link(awaitOnly(reader.email())).replace("https://news.backstory.test", "");

		Visitor.Page confirm = new Visitor(port).get(path);
		assertThat(confirm.status()).isEqualTo(200);
		assertThat(confirm.document().select("h1").text())
			.isEqualTo("Stop emailing " + reader.email() + " about " + story.title() + "?");
		assertThat(confirm.document().select("form[action=" + path + "]")).hasSize(1);
		assertThat(confirm.header("Cache-Control")).isEqualTo("private, no-store");
		assertThat(follows.follows(reader.id(), story.id())).isTrue();

		// What a mail provider does for RFC 8058: a POST with this body, no cookie, no
		// CSRF token.
		Visitor.Page once = new Visitor(port).post(path, Map.of("List-Unsubscribe", "One-Click"));
		Visitor.Page twice = new Visitor(port).post(path, Map.of("List-Unsubscribe", "One-Click"));

		assertThat(once.status()).isEqualTo(200);
		assertThat(once.document().select("h1").text()).isEqualTo("You no longer follow this story");
		assertThat(twice.status()).isEqualTo(200);
		assertThat(twice.document().select("h1").text()).isEqualTo("You're not following this story");
		assertThat(follows.follows(reader.id(), story.id())).isFalse();
		assertThat(follows.follows(reader.id(), other.id())).isTrue();
		assertThat(optIns.of(reader.id())).contains(newsletter.id());

		String tampered = path.substring(0, path.lastIndexOf('.') + 1) + "AAAAAAAAAAAAAAAAAAAAAA";
		Visitor.Page refused = new Visitor(port).post(tampered, Map.of("List-Unsubscribe", "One-Click"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.document().select("h1").text()).isEqualTo("This unfollow link is not valid");
		String otherMember = path.replaceFirst("/unfollow/\\d+\\.", "/unfollow/" + (reader.id() + 1000) + ".");
		assertThat(new Visitor(port).get(otherMember).status()).isEqualTo(400);
		assertThat(new Visitor(port).get("/unfollow/not-a-token").status()).isEqualTo(400);
	}

	private SignedInMember following(SignedInMember member) {
		follows.follow(member.id(), story.id());
		return member;
	}

	private ArticleDraft publishPart(Visibility visibility) {
		ArticleDraft draft = articles.part(story, visibility);
		return draft.withId(articles.publish(draft));
	}

	private Send followSendOf(ArticleDraft part) {
		return followSendOf(part.id());
	}

	private Send followSendOf(long articleId) {
		return sends.ofArticle(articleId).stream().filter(send -> send.storylineId() != null).findFirst().orElseThrow();
	}

	/** The unfollow link of a follow email's {@code List-Unsubscribe} header. */
	private static String link(ReceivedMail mail) {
		String header = mail.header("List-Unsubscribe");
		return header.substring(1, header.indexOf('>'));
	}

	private static ReceivedMail awaitOnly(String address) {
		Await.until("a message to " + address, Duration.ofSeconds(20), () -> !to(address).isEmpty());
		List<ReceivedMail> mails = to(address);
		assertThat(mails).as("messages to " + address).hasSize(1);
		return mails.get(0);
	}

	private static List<ReceivedMail> to(String address) {
		return ReceivedMail.sendsTo(smtp, address);
	}

}
