package org.backstory.imports;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;

import org.backstory.Visitor;
import org.backstory.admin.AdminProbe;
import org.backstory.admin.AdminProbe.AuditEntry;
import org.backstory.media.TestImages;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.backstory.publishing.PublishingProbe;
import org.backstory.webhooks.WebhookReceiver;
import org.backstory.webhooks.Webhooks;
import org.backstory.webhooks.WebhooksProbe;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Importing a Ghost export over HTTP: the dry run lists what every post becomes and
 * writes nothing; the import writes every post as listed (visibility, paywall, status,
 * dates, tags, authors); a second import adds nothing. The Substack zip and bad files
 * have their own classes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GhostImportIntegrationTests extends ImportIntegrationTestSupport {

	@Autowired
	Webhooks webhooks;

	private String staffEmail;

	@Override
	Archives archives() {
		staffEmail = MemberFixtures.account(directory, "ghost-staff", MemberRole.AUTHOR);
		return new Archives().staff(staffEmail);
	}

	@Test
	void theDryRunListsWhatEveryPostBecomesAndEveryNoticeAndWritesNothing() {
		Visitor.Page dryRun = desk.upload("ghost.json", archives.ghost());

		assertThat(dryRun.status()).isEqualTo(200);
		Map<String, Element> rows = ImportDesk.postRows(dryRun);
		assertThat(rows.keySet()).containsExactlyInAnyOrder(slug("field-notes"), slug("tide-table"), slug("dredging"),
				slug("tiers"), slug("unfinished"), slug("regatta"), slug("letter"), slug("founders"));
		assertThat(ImportDesk.cell(rows, slug("field-notes"), "visibility")).isEqualTo("public");
		assertThat(ImportDesk.cell(rows, slug("field-notes"), "paywall")).isEqualTo("free to read");
		assertThat(ImportDesk.cell(rows, slug("field-notes"), "tags")).isEqualTo("Harbour " + archives.run);
		assertThat(ImportDesk.cell(rows, slug("field-notes"), "authors"))
			.isEqualTo("Staff Writer " + archives.run + " (staff)");
		assertThat(ImportDesk.cell(rows, slug("tide-table"), "visibility")).isEqualTo("members");
		assertThat(ImportDesk.cell(rows, slug("tide-table"), "paywall")).isEqualTo("paywall marker");
		assertThat(ImportDesk.cell(rows, slug("dredging"), "visibility")).isEqualTo("paid");
		assertThat(ImportDesk.cell(rows, slug("dredging"), "authors")).isEqualTo("Guest Columnist " + archives.run
				+ " (new byline, no sign-in), Staff Writer " + archives.run + " (staff)");
		assertThat(ImportDesk.cell(rows, slug("tiers"), "visibility")).isEqualTo("tiers: paid");
		assertThat(ImportDesk.cell(rows, slug("founders"), "visibility")).isEqualTo("paid");
		assertThat(ImportDesk.cell(rows, slug("unfinished"), "status")).isEqualTo("draft");
		assertThat(ImportDesk.cell(rows, slug("regatta"), "status")).isEqualTo("scheduled");
		assertThat(ImportDesk.cell(rows, slug("letter"), "status")).isEqualTo("email only");
		assertThat(ImportDesk.cell(rows, slug("field-notes"), "status")).isEqualTo("published");
		assertThat(dryRun.document().select("li.import-notice").eachText())
			.anySatisfy(notice -> assertThat(notice).contains("About the harbour gazette")
				.contains("skipped, Backstory has no pages"))
			.anySatisfy(notice -> assertThat(notice).contains("#feature").contains("internal tag"))
			.anySatisfy(
					notice -> assertThat(notice).contains("Tier \"founders-" + archives.run + "\" has no plan here"))
			.anySatisfy(notice -> assertThat(notice).contains(
					"Feature image https://images.example.test/harbour.jpg: copied into the media library at import if it can be fetched, else kept as a link"))
			.anySatisfy(notice -> assertThat(notice)
				.contains("/content/images/2024/06/tide.jpg was a file on the Ghost site"));
		assertThat(dryRun.document().select("form.import-confirm")).hasSize(1);
		assertThat(editor.idOfSlug(slug("field-notes"))).isEmpty();
	}

	@Test
	void theImportWritesEveryPostAsTheDryRunSaid() {
		Visitor.Page done = desk.confirm(desk.upload("ghost.json", archives.ghost()));

		assertThat(done.status()).isEqualTo(303);
		Visitor.Page result = desk.visitor().get("/admin/import");
		assertThat(result.document().select("p.import-done").text())
			.contains("Imported from Ghost: 8 articles (0 imported before, skipped)");
		assertThat(AdminProbe.entriesBy(jdbc, desk.id(), "archive.imported").stream().map(AuditEntry::detail))
			.containsExactly("8 articles, 0 members, 0 comps");
		Visitor anonymous = new Visitor(port);
		Visitor.Page notes = anonymous.get("/p/" + slug("field-notes"));
		assertThat(notes.status()).isEqualTo(200);
		assertThat(notes.body()).contains("The harbour master keeps a ledger of every boat.")
			.contains("href=\"/tides-" + archives.run + "/\"")
			.contains("Ferries run hourly.")
			.contains("What the ledger says about a small port.")
			.contains("datetime=\"2024-05-02T09:30:00Z\"")
			.doesNotContain("__GHOST_URL__")
			.doesNotContain("kg-card-begin");
		assertThat(notes.document().select("a[rel=tag]").eachText()).containsExactly("Harbour " + archives.run);
		assertThat(anonymous.get("/tag/harbour-" + archives.run).document().select(".listing-header .bio").text())
			.isEqualTo("Boats, berths and the quay.");
		assertThat(notes.document().select("a[rel=author]").eachText()).containsExactly("Test ghost-staff");
		Visitor.Page tide = anonymous.get("/p/" + slug("tide-table"));
		assertThat(tide.body()).contains("Tides rise twice a day").doesNotContain("Members read the full table");
		Visitor.Page dredging = anonymous.get("/p/" + slug("dredging"));
		assertThat(dredging.document().select("section.before-you-read").text()).contains("The channel silts up");
		assertThat(dredging.body()).contains("Dredgers start in March").doesNotContain("four million");
		assertThat(dredging.document().select("a[rel=author]").eachText())
			.containsExactly("Guest Columnist " + archives.run, "Test ghost-staff");
		Visitor.Page guest = anonymous.get("/author/guest-columnist-" + archives.run);
		assertThat(guest.status()).isEqualTo(200);
		assertThat(directory.findByEmail("guest-" + archives.run + "@example.test")).isEmpty();
		assertThat(anonymous.get("/p/" + slug("tiers")).body()).contains("Only some tiers read this.")
			.doesNotContain("Tier readers see the rest");
		assertThat(anonymous.get("/p/" + slug("unfinished")).status()).isEqualTo(404);
		assertThat(anonymous.get("/p/" + slug("regatta")).status()).isEqualTo(404);
		assertThat(anonymous.get("/p/" + slug("letter")).status()).isEqualTo(404);
		assertThat(editor.statusOf(editor.idOfSlug(slug("regatta")).orElseThrow()).orElseThrow().status())
			.isEqualTo("scheduled");
		var letter = editor.statusOf(editor.idOfSlug(slug("letter")).orElseThrow()).orElseThrow();
		assertThat(letter.onSite()).isFalse();
		assertThat(letter.status()).isEqualTo("published");
		assertThat(editor.idOfSlug(slug("about"))).isEmpty();
		Visitor.Page oldAddress = anonymous.get("/" + slug("field-notes") + "/");
		assertThat(oldAddress.status()).isEqualTo(301);
		assertThat(oldAddress.header("Location")).endsWith("/p/" + slug("field-notes"));
		assertThat(anonymous.get("/" + slug("unfinished") + "/").status()).isEqualTo(404);
	}

	@Test
	void backstorysOwnExportComesBackFromItsMarkdownWithItsStorylinePartsAndOldSlugs() {
		Visitor.Page dryRun = desk.upload("posts.json", archives.backstory(text -> text));
		assertThat(ImportDesk.cell(ImportDesk.postRows(dryRun), slug("sandbar"), "paywall"))
			.isEqualTo("paywall marker");

		assertThat(desk.confirm(dryRun).status()).isEqualTo(303);

		Visitor anonymous = new Visitor(port);
		Visitor.Page sandbar = anonymous.get("/p/" + slug("sandbar"));
		assertThat(sandbar.status()).isEqualTo(200);
		assertThat(sandbar.document().select("em").eachText()).contains("east " + archives.run);
		assertThat(sandbar.body()).doesNotContain("which the import does not read")
			.doesNotContain("Members learn where it goes " + archives.run);
		assertThat(anonymous.get("/p/" + slug("channel")).document().select("strong").eachText())
			.contains("dredged " + archives.run);
		Visitor.Page old = anonymous.get("/p/" + slug("old-sandbar"));
		assertThat(old.status()).isEqualTo(301);
		assertThat(old.header("Location")).endsWith("/p/" + slug("sandbar"));
		Visitor.Page storyline = anonymous.get("/story/" + slug("silt"));
		assertThat(storyline.status()).isEqualTo(200);
		assertThat(storyline.body()).contains("Silt " + archives.run)
			.containsSubsequence("The channel, part one", "The sandbar, part two");
		assertThat(PublishingProbe.storylinePartSlugs(jdbc, slug("silt"))).containsExactly(slug("channel"),
				slug("sandbar"));
	}

	@Test
	void backstorysOwnExportCarriesTheMeterExemptionOfAPaidArticle() {
		desk.confirm(desk.upload("posts.json", archives
			.backstory(text -> text.replace("\"visibility\": \"members\"", "\"visibility\": \"paid\"")
				.replace("\"author_may_publish\": false", "\"author_may_publish\": false, \"meter_exempt\": true"))));

		assertThat(PublishingProbe.meterExempt(jdbc, slug("sandbar"))).as("a paid article keeps its exemption")
			.isTrue();
		assertThat(PublishingProbe.meterExempt(jdbc, slug("channel")))
			.as("a public article has nothing to meter, so the flag is dropped")
			.isFalse();
	}

	@Test
	void anOlderBackstoryExportWithoutTheMeterExemptionImportsItsPaidArticlesMetered() {
		desk.confirm(desk.upload("posts.json",
				archives.backstory(text -> text.replace("\"visibility\": \"members\"", "\"visibility\": \"paid\""))));

		assertThat(PublishingProbe.meterExempt(jdbc, slug("sandbar"))).isFalse();
	}

	@Test
	void aBackstorySectionInAnUnknownFormatIsReadAsAGhostExportAndSaysSo() {
		Visitor.Page dryRun = desk.upload("posts.json",
				archives.backstory(text -> text.replace("\"format_version\": 1", "\"format_version\": 9")));

		assertThat(dryRun.document().select("li.import-notice").eachText()).anySatisfy(notice -> assertThat(notice)
			.contains("Backstory's section is in format 9, which this version cannot read: read as a Ghost export."));
		desk.confirm(dryRun);
		assertThat(new Visitor(port).get("/p/" + slug("channel")).body()).contains("which the import does not read");
	}

	@Test
	void anImportAnnouncesNoPostAsPublished() {
		long administratorId = directory
			.findByEmail(MemberFixtures.account(directory, "import-hooks", MemberRole.ADMINISTRATOR))
			.orElseThrow()
			.id();
		try (WebhookReceiver receiver = WebhookReceiver.start()) {
			Webhooks.Added added = webhooks.add("post.published", receiver.url("/imported"), "import test",
					administratorId);
			long hookId = added.hook().id();
			try {
				desk.confirm(desk.upload("ghost.json", archives.ghost()));

				assertThat(articlesWithRun()).isEqualTo(8);
				assertThat(WebhooksProbe.deliveriesFor(jdbc, hookId)).isZero();
			}
			finally {
				webhooks.delete(hookId, administratorId);
			}
		}
	}

	@Test
	void importingTheSameExportTwiceAddsNothing() {
		Visitor.Page first = desk.upload("ghost.json", archives.ghost());
		Visitor.Page second = desk.upload("ghost.json", archives.ghost());
		desk.confirm(first);
		assertThat(desk.visitor().get("/admin/import").document().select("p.import-done").text())
			.contains("Imported from Ghost: 8 articles");

		Visitor.Page again = desk.confirm(second);

		assertThat(again.status()).isEqualTo(303);
		assertThat(desk.visitor().get("/admin/import").document().select("p.import-done").text())
			.contains("Imported from Ghost: 0 articles (8 imported before, skipped)");
		assertThat(articlesWithRun()).isEqualTo(8);
		Visitor.Page third = desk.upload("ghost.json", archives.ghost());
		assertThat(third.document().select("tr.imported-before")).hasSize(8);
	}

	@Test
	void featureImagesThatCanBeFetchedAreCopiedAndTheOthersKeptAsLinks() throws Exception {
		HttpServer images = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		byte[] png = TestImages.png(640, 360);
		images.createContext("/cover.png", exchange -> {
			exchange.getResponseHeaders().add("Content-Type", "image/png");
			exchange.sendResponseHeaders(200, png.length);
			exchange.getResponseBody().write(png);
			exchange.close();
		});
		images.start();
		try {
			String base = "http://127.0.0.1:" + images.getAddress().getPort();
			byte[] export = archives
				.ghost(text -> text.replace("https://images.example.test/harbour.jpg", base + "/cover.png")
					.replace("__GHOST_URL__/content/images/2024/06/tide.jpg", base + "/gone.png"));

			desk.confirm(desk.upload("ghost.json", export));

			assertThat(desk.visitor().get("/admin/import").document().select("p.import-done").text())
				.contains("1 images copied; kept as links because they could not be fetched: " + base + "/gone.png");
			Visitor anonymous = new Visitor(port);
			String cover = anonymous.get("/p/" + slug("field-notes"))
				.document()
				.selectFirst("figure.cover img")
				.attr("src");
			assertThat(cover).contains("/media/").endsWith(".png");
			assertThat(anonymous.get(cover.substring(cover.indexOf("/media/"))).status()).isEqualTo(200);
			assertThat(anonymous.get("/p/" + slug("tide-table")).document().selectFirst("figure.cover img").attr("src"))
				.isEqualTo(base + "/gone.png");
		}
		finally {
			images.stop(0);
		}
	}

	private long articlesWithRun() {
		return PublishingProbe.articlesWithSlugLike(jdbc, "%-" + archives.run + "%");
	}

}
