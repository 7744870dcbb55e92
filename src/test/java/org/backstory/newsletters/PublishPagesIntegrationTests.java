package org.backstory.newsletters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.backstory.OwnDatabase;
import org.backstory.Visitor;
import org.backstory.admin.AdminProbe;
import org.backstory.billing.BillingFixtures;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.backstory.members.SignedInMember;
import org.backstory.publishing.ArticleDraft;
import org.backstory.publishing.ArticleEditor;
import org.backstory.publishing.ArticleFixtures;
import org.backstory.publishing.SystemPublisher;
import org.backstory.publishing.TaxonomyCreator;
import org.backstory.publishing.Visibility;
import org.backstory.shared.BackstoryProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Staff publish articles with or without an email, and follow the send; over HTTP, to the
 * dev outbox.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "backstory.newsletters.idle-poll=200ms")
@OwnDatabase("newsletter_publish")
class PublishPagesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Newsletters newsletters;

	@Autowired
	ArticlePublishing publishing;

	@Autowired
	OptIns optIns;

	@Autowired
	NewsletterSends sends;

	@Autowired
	MemberDirectory members;

	@Autowired
	ArticleEditor editor;

	@Autowired
	TaxonomyCreator taxonomyCreator;

	@Autowired
	SystemPublisher systemPublisher;

	@Autowired
	BackstoryProperties site;

	@Autowired
	Clock clock;

	ArticleFixtures articles;

	Newsletter newsletter;

	SignedInMember reader;

	Visitor staff;

	long staffId;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void setUp() {
		articles = new ArticleFixtures(editor, systemPublisher, taxonomyCreator);
		newsletter = newsletters.create(NewsletterFixtures.settings());
		reader = BillingFixtures.registeredMember(members);
		optIns.optIn(reader.id(), newsletter.id());
		staff = new Visitor(port);
		String email = MemberFixtures.account(members, "editor", MemberRole.EDITOR);
		staffId = members.findByEmail(email).orElseThrow().id();
		assertThat(staff.signIn(email, MemberFixtures.PASSWORD).status()).isEqualTo(302);
	}

	@Test
	void publishingOnTheSiteAndByEmailMailsTheMembersAndShowsTheTally() {
		long article = draft();

		Visitor.Page done = staff.submit("/admin/publish/" + article, "/admin/publish/" + article, Map.of("mode",
				"SITE_AND_EMAIL", "newsletter", String.valueOf(newsletter.id()), "audience", "ALL", "when", "now"));

		assertThat(done.status()).isEqualTo(302);
		long send = Long.parseLong(done.header("Location").replaceAll(".*/sends/", ""));
		NewsletterFixtures.awaitSent(sends, send, Duration.ofSeconds(20));
		Visitor.Page page = staff.get("/admin/newsletters/sends/" + send);
		assertThat(page.document().select("#send-status").text()).isEqualTo("sent");
		assertThat(page.document().select("#tally-sent").text()).isEqualTo("1 / 1");
		assertThat(outboxFor(send)).hasSize(1);
		assertThat(staff.get("/admin/email/outbox").document().select("table.newsletter-outbox tr").text())
			.contains(reader.email(), editor.statusOf(article).orElseThrow().title());
		assertThat(new Visitor(port).get("/p/" + slugOf(article)).status()).isEqualTo(200);
		assertThat(page.document().select("a[href$=/editions/preview-subscribe]")).hasSize(1);
		assertThat(staff.get("/admin/newsletters/sends/" + send + "/editions/preview-subscribe").body())
			.contains("Free paragraph of " + slugOf(article))
			.doesNotContain("Gated paragraph of " + slugOf(article));
	}

	@Test
	void anEmailOnlyArticleIsMailedButNotOnTheSite() {
		long article = draft();

		Visitor.Page done = staff.submit("/admin/publish/" + article, "/admin/publish/" + article, Map.of("mode",
				"EMAIL_ONLY", "newsletter", String.valueOf(newsletter.id()), "audience", "ALL", "when", "now"));

		long send = Long.parseLong(done.header("Location").replaceAll(".*/sends/", ""));
		NewsletterFixtures.awaitSent(sends, send, Duration.ofSeconds(20));
		assertThat(outboxFor(send)).hasSize(1);
		assertThat(new Visitor(port).get("/p/" + slugOf(article)).status()).isEqualTo(404);
	}

	@Test
	void aTimeThatHasPassedIsRefusedWithAReasonAndNothingChanges() {
		long article = draft();
		String past = LocalDateTime.ofInstant(clock.instant().minus(Duration.ofHours(1)), ZoneOffset.UTC)
			.truncatedTo(ChronoUnit.MINUTES)
			.toString();

		Visitor.Page refused = staff.submit("/admin/publish/" + article, "/admin/publish/" + article,
				Map.of("mode", "SITE_AND_EMAIL", "newsletter", String.valueOf(newsletter.id()), "audience", "ALL",
						"when", "at", "at", past));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.document().select(".error").text()).isEqualTo("A scheduled time must be in the future.");
		assertThat(editor.statusOf(article).orElseThrow().status()).isEqualTo("draft");
		assertThat(sends.ofArticle(article)).isEmpty();
	}

	@Test
	void aScheduledSendWaitsForItsTimeAndCanBeCanceledBeforeIt() {
		long article = draft();
		String later = LocalDateTime.ofInstant(clock.instant().plus(Duration.ofDays(1)), ZoneOffset.UTC)
			.truncatedTo(ChronoUnit.MINUTES)
			.toString();

		Visitor.Page done = staff.submit("/admin/publish/" + article, "/admin/publish/" + article,
				Map.of("mode", "SITE_AND_EMAIL", "newsletter", String.valueOf(newsletter.id()), "audience", "ALL",
						"when", "at", "at", later));
		long send = Long.parseLong(done.header("Location").replaceAll(".*/sends/", ""));
		assertThat(sends.find(send).orElseThrow().status()).isEqualTo(SendStatus.SCHEDULED);
		assertThat(editor.statusOf(article).orElseThrow().status()).isEqualTo("scheduled");

		Visitor.Page canceled = staff.submit("/admin/newsletters/sends/" + send,
				"/admin/newsletters/sends/" + send + "/cancel", Map.of());

		assertThat(canceled.status()).isEqualTo(302);
		assertThat(sends.find(send).orElseThrow().status()).isEqualTo(SendStatus.CANCELED);
		assertThat(sends.tally(send).total()).isZero();
	}

	@Test
	void anArticleWhoseScheduledTimeHasComeShowsAsPublishedNotScheduled() throws InterruptedException {
		long id = editor.save(articles.draft(Visibility.everyone()));
		Instant at = clock.instant().plusSeconds(1);
		systemPublisher.publish(id, at, false);
		assertThat(staff.get("/admin/publish/" + id).document().select(".staff-publish p").first().text())
			.startsWith("Now scheduled");

		while (!clock.instant().isAfter(at)) {
			Thread.sleep(50);
		}

		assertThat(editor.statusOf(id).orElseThrow().status()).isEqualTo("scheduled");
		assertThat(staff.get("/admin/publish/" + id).document().select(".staff-publish p").first().text())
			.startsWith("Now published");
		assertThat(staff.get("/admin/publish")
			.document()
			.select("tr:has(a[href=/admin/publish/" + id + "]) td")
			.eachText()).anySatisfy(cell -> assertThat(cell).startsWith("published"));
	}

	@Test
	void aSendScheduledForAMomentStartsByItselfThen() {
		ArticleDraft article = articles.draft(Visibility.everyone());
		long id = editor.save(article);
		systemPublisher.publish(id, clock.instant().plusSeconds(2), true);

		long send = sends.schedule(id, newsletter.id(), Audience.ALL, clock.instant().plusSeconds(2), null);

		assertThat(sends.find(send).orElseThrow().status()).isEqualTo(SendStatus.SCHEDULED);
		NewsletterFixtures.awaitSent(sends, send, Duration.ofSeconds(20));
		assertThat(sends.find(send).orElseThrow().startedAt())
			.isAfterOrEqualTo(sends.find(send).orElseThrow().scheduledAt());
		assertThat(outboxFor(send)).hasSize(1);
	}

	@Test
	void publishingSchedulingAndTheSendAreAudited() {
		long now = draft();
		long later = draft();
		String tomorrow = LocalDateTime.ofInstant(clock.instant().plus(Duration.ofDays(1)), ZoneOffset.UTC)
			.truncatedTo(ChronoUnit.MINUTES)
			.toString();

		staff.submit("/admin/publish/" + now, "/admin/publish/" + now,
				Map.of("mode", "SITE", "audience", "ALL", "when", "now"));
		Visitor.Page scheduled = staff.submit("/admin/publish/" + later, "/admin/publish/" + later,
				Map.of("mode", "SITE_AND_EMAIL", "newsletter", String.valueOf(newsletter.id()), "audience", "ALL",
						"when", "at", "at", tomorrow));
		long send = Long.parseLong(scheduled.header("Location").replaceAll(".*/sends/", ""));

		assertThat(audited("article " + now + " ")).containsExactly("article.published " + staffId + " | site");
		assertThat(audited("article " + later + " "))
			.containsExactly("article.scheduled " + staffId + " | site and email, at " + tomorrow + ":00Z");
		assertThat(audited("send " + send + " ")).containsExactly(
				"newsletter.send-scheduled " + staffId + " | " + newsletter.name() + ", all, at " + tomorrow + ":00Z");
	}

	@Test
	void contributorsAndAuthorsGetThePaidArticleLikeMembersAndEditorsGetItWhole() {
		long article = draft();
		Map<MemberRole, Long> staffIds = new EnumMap<>(MemberRole.class);
		for (MemberRole role : List.of(MemberRole.CONTRIBUTOR, MemberRole.AUTHOR, MemberRole.EDITOR)) {
			long id = members.findByEmail(MemberFixtures.account(members, role.name().toLowerCase(), role))
				.orElseThrow()
				.id();
			optIns.optIn(id, newsletter.id());
			staffIds.put(role, id);
		}

		Visitor.Page done = staff.submit("/admin/publish/" + article, "/admin/publish/" + article, Map.of("mode",
				"SITE_AND_EMAIL", "newsletter", String.valueOf(newsletter.id()), "audience", "ALL", "when", "now"));

		long send = Long.parseLong(done.header("Location").replaceAll(".*/sends/", ""));
		NewsletterFixtures.awaitSent(sends, send, Duration.ofSeconds(20));
		assertThat(edition(send, reader.id())).isEqualTo("preview-subscribe");
		assertThat(edition(send, staffIds.get(MemberRole.CONTRIBUTOR))).isEqualTo("preview-subscribe");
		assertThat(edition(send, staffIds.get(MemberRole.AUTHOR))).isEqualTo("preview-subscribe");
		assertThat(edition(send, staffIds.get(MemberRole.EDITOR))).isEqualTo("complete");
	}

	@Test
	void staffWhoMayNotPublishAreRefusedByThePublishPageAndNothingIsPublishedSentOrAudited() {
		long article = draft();
		for (MemberRole role : List.of(MemberRole.CONTRIBUTOR, MemberRole.AUTHOR)) {
			Visitor writer = new Visitor(port);
			writer.signIn(MemberFixtures.account(members, role.name().toLowerCase(), role), MemberFixtures.PASSWORD);
			String csrf = writer.get("/admin/articles/new").document().selectFirst("input[name=_csrf]").attr("value");

			Visitor.Page refused = writer.post("/admin/publish/" + article, Map.of("_csrf", csrf, "mode",
					"SITE_AND_EMAIL", "newsletter", String.valueOf(newsletter.id()), "audience", "ALL", "when", "now"));

			assertThat(refused.status()).as(role.name()).isEqualTo(403);
			if (role == MemberRole.AUTHOR) {
				// A contributor is refused by the URL table before the page's own check.
				assertThat(refused.document().select(".error-page").text())
					.contains("Only editors, administrators and the owner may publish this article. "
							+ "Ask one of them to publish it for you.");
			}
		}
		assertThat(editor.statusOf(article).orElseThrow().status()).isEqualTo("draft");
		assertThat(sends.ofArticle(article)).isEmpty();
		assertThat(audited("article " + article + " ")).isEmpty();
	}

	/**
	 * The newsletters' publishing goes through the desk's door: before, it published for
	 * any caller, so only the page's own check stood between a contributor and the site.
	 */
	@Test
	void publishingWithItsSendChecksTheStaffMemberAndAuditsThroughTheDesk() {
		long article = draft();
		String email = MemberFixtures.account(members, "contributor", MemberRole.CONTRIBUTOR);
		SignedInMember contributor = new SignedInMember(members.findByEmail(email).orElseThrow().id(), email,
				"Contributor", MemberRole.CONTRIBUTOR);
		PublishChoice choice = new PublishChoice(PublishMode.SITE_AND_EMAIL, newsletter.id(), Audience.ALL, null);

		assertThatThrownBy(() -> publishing.publish(article, choice, contributor))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(editor.statusOf(article).orElseThrow().status()).isEqualTo("draft");
		assertThat(sends.ofArticle(article)).isEmpty();

		SignedInMember editorMember = new SignedInMember(staffId, "editor@example.test", "Editor", MemberRole.EDITOR);
		publishing.publish(article, new PublishChoice(PublishMode.SITE, null, Audience.ALL, null), editorMember);

		assertThat(editor.statusOf(article).orElseThrow().status()).isEqualTo("published");
		assertThat(audited("article " + article + " ")).containsExactly("article.published " + staffId + " | site");
	}

	@Test
	void membersCannotReachThePublishPages() {
		Visitor member = new Visitor(port);
		String email = MemberFixtures.account(members, "member", MemberRole.MEMBER);
		member.signIn(email, MemberFixtures.PASSWORD);

		assertThat(member.get("/admin/publish").status()).isEqualTo(403);
		assertThat(member.post("/admin/publish/1", Map.of("mode", "SITE")).status()).isEqualTo(403);
	}

	/**
	 * The audit entries whose subject starts with {@code subject}: action, actor and
	 * detail.
	 */
	private java.util.List<String> audited(String subject) {
		return AdminProbe.entriesAboutStartingWith(jdbc, subject)
			.stream()
			.map(entry -> entry.action() + " " + entry.actorId() + " | " + entry.detail())
			.toList();
	}

	private String edition(long send, long member) {
		return jdbc.sql("select edition from newsletters.recipient where send_id = ? and member_id = ?")
			.params(send, member)
			.query(String.class)
			.single();
	}

	private long draft() {
		return editor.save(articles.draft(Visibility.paid()));
	}

	private String slugOf(long article) {
		return editor.statusOf(article).orElseThrow().slug();
	}

	private java.util.List<Path> outboxFor(long send) {
		Path directory = site.dataDir().resolve("outbox").resolve("newsletters");
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter(file -> file.getFileName().toString().startsWith("newsletter." + send + ".")).toList();
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
	}

}
