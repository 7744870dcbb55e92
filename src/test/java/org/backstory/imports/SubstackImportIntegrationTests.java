package org.backstory.imports;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.backstory.Visitor;
import org.backstory.billing.BillingProbe;
import org.backstory.billing.SubscriptionService;
import org.backstory.billing.SubscriptionSummary;
import org.backstory.members.MemberProfile;
import org.backstory.members.MemberRole;
import org.backstory.members.MembersProbe;
import org.backstory.members.NewAccount;
import org.backstory.newsletters.Newsletter;
import org.backstory.newsletters.Newsletters;
import org.backstory.newsletters.OptIns;
import org.backstory.publishing.ArticleStatusLine;
import org.backstory.publishing.PublishingProbe;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Importing a Substack export zip over HTTP: free, paid, members-only, email-only and
 * draft posts, a thread and a post without its HTML file; free and paid subscribers, one
 * who turned mail off, one whose paid period is over and one deleted. Importing it twice
 * adds nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SubstackImportIntegrationTests extends ImportIntegrationTestSupport {

	@Autowired
	SubscriptionService subscriptions;

	@Autowired
	Newsletters newsletters;

	@Autowired
	OptIns optIns;

	private String email(String who) {
		return who + "-" + archives.run + "@example.test";
	}

	@Test
	void theDryRunListsEveryPostWithItsVisibilityAndStatusAndEverySkippedItem() {
		Visitor.Page dryRun = desk.upload("substack-export.zip", archives.substack());

		assertThat(dryRun.status()).isEqualTo(200);
		Map<String, Element> rows = ImportDesk.postRows(dryRun);
		assertThat(rows.keySet()).containsExactlyInAnyOrder(slug("morning-edition"), slug("paid-dispatch"),
				slug("members-letter"), slug("inbox-only"), slug("half-written"));
		assertThat(ImportDesk.cell(rows, slug("morning-edition"), "visibility")).isEqualTo("public");
		assertThat(ImportDesk.cell(rows, slug("paid-dispatch"), "visibility")).isEqualTo("paid");
		assertThat(ImportDesk.cell(rows, slug("paid-dispatch"), "paywall")).isEqualTo("paywall marker");
		assertThat(ImportDesk.cell(rows, slug("members-letter"), "visibility")).isEqualTo("members");
		assertThat(ImportDesk.cell(rows, slug("members-letter"), "paywall")).startsWith("no marker");
		assertThat(ImportDesk.cell(rows, slug("inbox-only"), "status")).isEqualTo("email only");
		assertThat(ImportDesk.cell(rows, slug("half-written"), "status")).isEqualTo("draft");
		assertThat(ImportDesk.cell(rows, slug("morning-edition"), "status")).isEqualTo("published");
		assertThat(ImportDesk.cell(rows, slug("morning-edition"), "authors")).startsWith("you");
		assertThat(dryRun.document().select("p.import-summary").text()).contains("5 posts").contains("4 subscribers");
		assertThat(dryRun.document().select("li.import-notice").eachText()).anySatisfy(
				notice -> assertThat(notice).startsWith("posts.csv line 7").contains("A thread").contains("skipped"))
			.anySatisfy(notice -> assertThat(notice).startsWith("posts.csv line 8").contains("has no file posts/"))
			.anySatisfy(notice -> assertThat(notice).startsWith("email_list.towncrier.csv line 5")
				.contains("paid subscription ended")
				.contains("free member"))
			.anySatisfy(notice -> assertThat(notice).startsWith("email_list.towncrier.csv line 6").contains("deleted"));
		assertThat(editor.idOfSlug(slug("morning-edition"))).isEmpty();
		assertThat(directory.findByEmail(email("free"))).isEmpty();
	}

	@Test
	void theImportWritesPostsAndSubscribersAsTheDryRunSaid() {
		Visitor.Page done = desk.confirm(desk.upload("substack-export.zip", archives.substack()));

		assertThat(done.status()).isEqualTo(303);
		Visitor.Page page = desk.visitor().get("/admin/import");
		assertThat(page.document().select("p.import-done").text()).contains("Imported from Substack: 5 articles")
			.contains("4 members (1 comped");
		Visitor anonymous = new Visitor(port);
		Visitor.Page morning = anonymous.get("/p/" + slug("morning-edition"));
		assertThat(morning.body()).contains("The bakery opens at six")
			.contains("market stalls are up " + archives.run)
			.contains("The town wakes up &amp; the bakery opens")
			.doesNotContain("Subscribe to the Town Crier");
		assertThat(morning.document().select("a[rel=author]").eachText()).containsExactly("Test importer");
		Visitor.Page paid = anonymous.get("/p/" + slug("paid-dispatch"));
		assertThat(paid.body()).contains("The council met on Tuesday.")
			.contains("They voted on the harbour budget.")
			.contains("src=\"https://substack-post-media.s3.amazonaws.com/public/images/council.jpg\"")
			.doesNotContain("passed by one vote")
			.doesNotContain("Subscribe now");
		assertThat(anonymous.get("/p/" + slug("members-letter")).body()).doesNotContain("See you next week.");
		ArticleStatusLine inbox = editor.statusOf(editor.idOfSlug(slug("inbox-only")).orElseThrow()).orElseThrow();
		assertThat(inbox.onSite()).isFalse();
		assertThat(anonymous.get("/p/" + slug("inbox-only")).status()).isEqualTo(404);
		assertThat(editor.statusOf(editor.idOfSlug(slug("half-written")).orElseThrow()).orElseThrow().status())
			.isEqualTo("draft");
		assertThat(editor.idOfSlug(slug("chat"))).isEmpty();

		Set<Long> defaults = newsletters.all()
			.stream()
			.filter(Newsletter::defaultOn)
			.map(Newsletter::id)
			.collect(Collectors.toSet());
		assertThat(defaults).isNotEmpty();
		MemberProfile free = directory.findByEmail(email("free")).orElseThrow();
		assertThat(free.emailVerified()).isTrue();
		assertThat(optIns.of(free.id())).isEqualTo(defaults);
		assertThat(optIns.of(directory.findByEmail(email("quiet")).orElseThrow().id())).isEmpty();
		MemberProfile paidMember = directory.findByEmail(email("paid")).orElseThrow();
		SubscriptionSummary comp = subscriptions.currentSubscription(paidMember.id()).orElseThrow();
		assertThat(comp.comped()).isTrue();
		assertThat(comp.currentPeriodEnd()).hasToString("2099-01-31T00:00:00Z");
		assertThat(subscriptions.currentSubscription(directory.findByEmail(email("lapsed")).orElseThrow().id()))
			.isEmpty();
		assertThat(page.document().select("ul.card-needed li").eachText())
			.anySatisfy(line -> assertThat(line).startsWith(email("paid")).contains("substack").contains("2099-01-31"));
		assertThat(directory.findByEmail("gone-" + archives.run + "@deletion-request.substack.com")).isEmpty();
	}

	@Test
	void aPaidSubscriberWhoIsAlreadyAMemberKeepsTheAccountAndIsComped() {
		long existing = directory
			.createAccount(new NewAccount(email("paid"), "Already here", null, MemberRole.MEMBER, true));

		desk.confirm(desk.upload("substack-export.zip", archives.substack()));

		assertThat(desk.visitor().get("/admin/import").document().select("p.import-done").text())
			.contains("3 members (1 comped, 1 already members");
		assertThat(directory.findByEmail(email("paid")).orElseThrow().name()).isEqualTo("Already here");
		assertThat(subscriptions.currentSubscription(existing).orElseThrow().comped()).isTrue();
	}

	@Test
	void importingTheSameZipTwiceAddsNothing() {
		desk.confirm(desk.upload("substack-export.zip", archives.substack()));
		desk.visitor().get("/admin/import");

		desk.confirm(desk.upload("substack-export.zip", archives.substack()));

		assertThat(desk.visitor().get("/admin/import").document().select("p.import-done").text())
			.contains("0 articles (5 imported before, skipped), 0 members (0 comped, 0 already members");
		assertThat(PublishingProbe.articlesWithSlugLike(jdbc, "%-" + archives.run)).isEqualTo(5);
		assertThat(MembersProbe.membersWithEmailLike(jdbc, "%-" + archives.run + "@%")).isEqualTo(4);
		long paid = directory.findByEmail(email("paid")).orElseThrow().id();
		assertThat(BillingProbe.subscriptionsOf(jdbc, paid)).isEqualTo(1);
	}

}
