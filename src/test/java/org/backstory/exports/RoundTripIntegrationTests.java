package org.backstory.exports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.backstory.BackstoryApplication;
import org.backstory.OwnDatabase;
import org.backstory.TestDatabase;
import org.backstory.Visitor;
import org.backstory.billing.BillingFixtures;
import org.backstory.billing.BillingInterval;
import org.backstory.billing.BillingProbe;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.SandboxCards;
import org.backstory.billing.SubscriptionService;
import org.backstory.billing.checkout.Checkout;
import org.backstory.billing.checkout.CheckoutOutcome;
import org.backstory.billing.checkout.CheckoutService;
import org.backstory.billing.payment.Refunds;
import org.backstory.billing.renewal.RenewalRun;
import org.backstory.billing.subscription.SubscriptionChanges;
import org.backstory.media.MediaLibrary;
import org.backstory.media.StoredImage;
import org.backstory.media.TestImages;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberProfile;
import org.backstory.members.MemberRole;
import org.backstory.members.MembersProbe;
import org.backstory.members.NewAccount;
import org.backstory.members.SignedInMember;
import org.backstory.newsletters.NewsletterProbe;
import org.backstory.newsletters.NewsletterSettings;
import org.backstory.newsletters.Newsletters;
import org.backstory.newsletters.OptIns;
import org.backstory.publishing.ArticleDraft;
import org.backstory.publishing.ArticleEditor;
import org.backstory.publishing.ArticleSeo;
import org.backstory.publishing.Entities;
import org.backstory.publishing.Entity;
import org.backstory.publishing.EventDraft;
import org.backstory.publishing.Publication;
import org.backstory.publishing.PublicationService;
import org.backstory.publishing.PublishingProbe;
import org.backstory.publishing.SettableClock;
import org.backstory.publishing.Storyline;
import org.backstory.publishing.StorylineEvents;
import org.backstory.publishing.StorylineTaxonomy;
import org.backstory.publishing.SystemPublisher;
import org.backstory.publishing.Taxonomy;
import org.backstory.publishing.TaxonomyCreator;
import org.backstory.publishing.Visibility;
import org.backstory.shared.BackstoryProperties;
import org.backstory.shared.CsvReader;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The owner's export brought into a second Backstory, over HTTP: this application (on a
 * database of its own) is seeded and exported; a second application, started here on
 * another empty database, imports its whole archive at {@code /admin/import} in one
 * upload (articles, settings, plans, images, members.csv and the billing files, in one
 * transaction) and is exported again. The second site starts with nothing but its owner
 * (the same address as the first site's); its settings, plans, newsletters, authors,
 * tags, storylines, articles and members all come from the import, with their ids and
 * times, and the uploaded images come back into their folders, so posts.json (apart from
 * {@code exported_on}), members.csv and images.zip come out byte for byte the same.
 * Importing the same files again adds nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SettableClock.Configuration.class)
@OwnDatabase("roundtrip_source")
class RoundTripIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern EXPORTED_ON = Pattern.compile("\"exported_on\" : \\d+");

	@LocalServerPort
	int port;

	@Autowired
	ConfigurableApplicationContext source;

	@Test
	void aSecondBackstoryExportsTheSameFilesItImported() throws Exception {
		String ownerEmail = MemberFixtures.uniqueEmail("roundtrip-owner");
		Visitor sourceOwner = owner(source, port, ownerEmail);
		seed(source, ownerEmail);
		seedBilling(source, ownerEmail);
		String posts = download(sourceOwner, "/admin/export/posts.json");
		String members = download(sourceOwner, "/admin/export/members.csv");
		byte[] images = sourceOwner.download("/admin/export/images.zip").body();
		Visitor.Download archive = sourceOwner.download("/admin/export/archive");
		assertThat(archive.status()).isEqualTo(200);
		Map<String, String> billing = billingFiles(archive.body());
		assertThat(column(billing.get("subscriptions.csv"), "status")).contains("active", "trialing", "canceled",
				"past_due");
		assertThat(column(billing.get("subscriptions.csv"), "comped")).contains("true");
		assertThat(column(billing.get("payments.csv"), "status")).contains("succeeded", "failed");
		assertThat(column(billing.get("payments.csv"), "refunded_amount")).contains("200");
		assertThat(column(billing.get("payments.csv"), "failure_code"))
			.anySatisfy(code -> assertThat(code).isNotEmpty());
		assertThat(members(members).values()).as("a comp shows in members.csv")
			.anySatisfy(row -> assertThat(row.get(4)).isEqualTo("true"));
		Map<String, List<String>> revenue = revenuePage(sourceOwner);

		try (ConfigurableApplicationContext target = startEmptyBackstory()) {
			assertThat(target.getEnvironment().getProperty("backstory.database.url")).contains("/roundtrip_");
			int targetPort = Integer.parseInt(target.getEnvironment().getRequiredProperty("local.server.port"));
			Visitor targetOwner = owner(target, targetPort, ownerEmail);
			JdbcClient targetDb = target.getBean(JdbcClient.class);

			String broken = posts.replace("\"sender_email\" : \"desk@roundtrip.example\"",
					"\"sender_email\" : \"nobody\"");
			assertThat(broken).isNotEqualTo(posts);
			Visitor.Page refused = confirm(targetOwner, targetOwner.upload("/admin/import", "/admin/import", "file",
					"posts.json", broken.getBytes(StandardCharsets.UTF_8)));
			assertThat(refused.status()).isEqualTo(422);
			assertThat(refused.document().text()).contains("Nothing was imported: Newsletter weekly:");
			assertThat(PublishingProbe.articleCount(targetDb) + PublishingProbe.tagCount(targetDb)
					+ BillingProbe.planCount(targetDb) + NewsletterProbe.newsletterCount(targetDb))
				.as("a refused restore writes nothing")
				.isZero();
			assertThat(target.getBean(PublicationService.class).publication().name()).isNotEqualTo("Harbour Times");

			String restoring = (rows(billing.get("subscriptions.csv")) + " subscriptions, "
					+ rows(billing.get("payments.csv")) + " payments and "
					+ rows(billing.get("subscription_events.csv")) + " history entries will be restored");
			Visitor.Page firstDryRun = dryRun(targetOwner, archive.body(), "keep their ids and times");
			assertThat(notices(firstDryRun)).as("one upload: the members and the billing files too")
				.anySatisfy(text -> assertThat(text).contains(restoring))
				.anySatisfy(text -> assertThat(text)
					.startsWith("members.csv: " + (members(members).size() - 1)
							+ " members will be imported with their ids")
					.contains(
							"their comps are not granted from complimentary_plan but restored from subscriptions.csv"))
				.anySatisfy(text -> assertThat(text).isEqualTo("members.csv: 1 rows skipped: their address already "
						+ "belongs to a member here, who is left as they are (line " + ownerLine(members, ownerEmail)
						+ ")."));

			Visitor.Page failed = BillingProbe.whileSubscriptionsRefused(targetDb,
					() -> confirm(targetOwner, firstDryRun));
			assertThat(failed.status()).as(failed.body()).isEqualTo(422);
			assertThat(failed.document().text()).contains("Nothing was imported:");
			assertThat(PublishingProbe.articleCount(targetDb) + BillingProbe.planCount(targetDb)
					+ MembersProbe.memberCount(targetDb) + BillingProbe.paymentCount(targetDb))
				.as("billing refused after the members were written: nothing is left but the owner")
				.isEqualTo(1);

			Visitor.Page imported = confirm(targetOwner, dryRun(targetOwner, archive.body(), restoring));
			assertThat(imported.status()).as(imported.body()).isEqualTo(303);
			assertThat(BillingProbe.subscriptionCount(targetDb))
				.as("a restored members.csv leaves the comps to subscriptions.csv")
				.isEqualTo(rows(billing.get("subscriptions.csv")));

			assertThat(articles(posts)).containsOnlyKeys("open-harbour", "members-tide", "paid-dredge", "tier-letter",
					"regatta", "unfinished", "quay-photo", "pilot-says");
			assertThat(posts).contains("\"date\" : \"2019-03\"")
				.contains("\"key_event\" : true")
				.contains("\"url\" : \"https://example.com/dredger\"")
				.contains("\"aliases\" : [ \"Varn\" ]")
				.containsPattern("\"rejected_post_ids\" : \\[ \"[0-9a-f]{24}\" \\]");
			String sourceMentions = PublishingProbe.mentionsAndQuotes(source.getBean(JdbcClient.class));
			assertThat(sourceMentions).contains("Nobody pays me").contains("2019-02-03");
			assertThat(articles(posts).get("paid-dredge")).as("the meter exemption travels")
				.contains("\"meter_exempt\":true");
			assertThat(articles(posts).get("tier-letter")).contains("\"meter_exempt\":false");
			assertThat(PublishingProbe.meterExempt(targetDb, "paid-dredge")).isTrue();
			assertThat(PublishingProbe.meterExempt(targetDb, "tier-letter")).isFalse();
			assertThat(articles(posts).get("open-harbour")).contains("\"slug_aliases\":[\"first-name\"]")
				.contains("\"storyline_id\":\"silt\"");
			assertThat(posts).contains("<!--members-only-->")
				.contains("\"aliases\" : [ \"tide-tables\" ]")
				.contains("\"description\" : \"When the water comes in & goes out.\"")
				.contains("\"aliases\" : [ \"mud\" ]")
				.contains("\"author_may_publish\" : true")
				.contains("\"staff_email\" : \"" + ownerEmail + "\"")
				.contains("\"legal_name\" : \"Harbour Times Ltd\"");
			assertThat(members(members).get("both@roundtrip.example")).last().isEqualTo("weekly,digest");
			assertThat(members(members)).containsKey(ownerEmail.toLowerCase(Locale.ROOT));
			assertThat(withoutExportTime(download(targetOwner, "/admin/export/posts.json")))
				.as("one upload brings every article")
				.isEqualTo(withoutExportTime(posts));
			assertThat(PublishingProbe.mentionsAndQuotes(targetDb))
				.as("mentions and quotes are found again, the rejected one left out")
				.isEqualTo(sourceMentions);
			assertThat(download(targetOwner, "/admin/export/members.csv")).isEqualTo(members);
			for (String file : List.of("subscriptions.csv", "payments.csv", "subscription_events.csv")) {
				assertThat(download(targetOwner, "/admin/export/" + file)).as(file).isEqualTo(billing.get(file));
			}
			assertThat(images).isNotEmpty();
			assertThat(targetOwner.download("/admin/export/images.zip").body()).isEqualTo(images);
			assertThat(revenuePage(targetOwner)).as("the revenue figures").isEqualTo(revenue);
			assertThat(targetOwner.get("/admin/import").document().select("ul.card-needed li").eachText())
				.as("the paid subscriptions that renew need a card here; the canceled one and the comp do not")
				.containsExactlyInAnyOrder(
						"pastdue@roundtrip.example (backstory), paid until " + periodEnd(billing, "pastdue"),
						"trial@roundtrip.example (backstory), paid until " + periodEnd(billing, "trial"),
						"yearly@roundtrip.example (backstory), paid until " + periodEnd(billing, "yearly"));

			Visitor.Page again = confirm(targetOwner, dryRun(targetOwner, archive.body(),
					"Not restored: this publication already has subscriptions or payments"));
			assertThat(again.status()).as(again.body()).isEqualTo(303);
			Visitor.Page membersAgainDryRun = targetOwner.upload("/admin/members/import", "/admin/members/import",
					"file", "members.csv", members.getBytes(StandardCharsets.UTF_8));
			assertThat(membersAgainDryRun.body()).contains("Every member in the file is already a member.");
			assertThat(withoutExportTime(download(targetOwner, "/admin/export/posts.json")))
				.as("a second import of the same archive adds nothing")
				.isEqualTo(withoutExportTime(posts));
			assertThat(download(targetOwner, "/admin/export/members.csv")).isEqualTo(members);
			assertThat(download(targetOwner, "/admin/export/payments.csv")).isEqualTo(billing.get("payments.csv"));
		}
	}

	/**
	 * The owner of a site, signed in: the same address on both sites, as when a
	 * publication moves.
	 */
	private static Visitor owner(ConfigurableApplicationContext app, int port, String email) {
		app.getBean(MemberDirectory.class)
			.createAccount(new NewAccount(email, "The Owner", MemberFixtures.PASSWORD, MemberRole.OWNER, true));
		Visitor owner = new Visitor(port);
		assertThat(owner.signIn(email, MemberFixtures.PASSWORD).status()).isEqualTo(302);
		return owner;
	}

	/**
	 * Articles of every visibility and status, a storyline, tags, an old slug; members
	 * with their opt-ins.
	 */
	private static void seed(ConfigurableApplicationContext app, String ownerEmail) {
		app.getBean(PlanCatalog.class).createPlan(BillingFixtures.newPlan());
		Newsletters letters = app.getBean(Newsletters.class);
		letters.create(new NewsletterSettings("weekly", "Weekly", "Every week.", "The Desk", "desk@roundtrip.example",
				null, true));
		letters.create(new NewsletterSettings("digest", "Digest", "Once a month.", "The Desk", "desk@roundtrip.example",
				"letters@roundtrip.example", false));
		app.getBean(PublicationService.class)
			.update(new Publication("Harbour Times", "News from the quay.", "#0a5c8a", null, "Harbour Times Ltd",
					"1 Quay Street"));
		ArticleEditor editor = app.getBean(ArticleEditor.class);
		TaxonomyCreator taxonomyCreator = app.getBean(TaxonomyCreator.class);
		SystemPublisher systemPublisher = app.getBean(SystemPublisher.class);
		Clock clock = app.getBean(Clock.class);
		long ownerId = app.getBean(MemberDirectory.class).findByEmail(ownerEmail).orElseThrow().id();
		taxonomyCreator.createAuthor("harbour-desk", "Harbour Desk", "Writes about the port.", null);
		taxonomyCreator.createAuthor("the-owner", "The Owner", "Runs the paper.", ownerId);
		Taxonomy taxonomy = app.getBean(Taxonomy.class);
		StorylineTaxonomy storylineTaxonomy = app.getBean(StorylineTaxonomy.class);
		taxonomy.editTag(ownerId, taxonomyCreator.createTag("tide-tables", "Tide tables").id(), "tides", "Tides",
				"When the water comes in & goes out.");
		taxonomyCreator.createTag("boats", "Boats");
		Storyline silt = taxonomyCreator.createStoryline("mud", "Mud", "How the harbour fills up.");
		storylineTaxonomy.editStoryline(ownerId, silt.id(), "silt", "Silt", "How the harbour fills up.");
		String gated = "The channel is **dredged** every spring.\n\n<!-- paywall -->\n\nIt costs *four million*.";
		long renamed = article(editor, "first-name", "Everyone reads this", "Open to **all**.", Visibility.everyone(),
				List.of("tides", "boats"), "silt", 1);
		systemPublisher.publish(renamed, clock.instant().minus(Duration.ofDays(3)), true);
		editor.changeSlug(renamed, "open-harbour");
		systemPublisher.publish(article(editor, "members-tide", "Members read the tide", gated, Visibility.members(),
				List.of("tides"), "silt", 2), clock.instant().minus(Duration.ofDays(2)), true);
		long dredge = editor
			.save(draft("paid-dredge", "Paid readers see the cost", gated, Visibility.paid(), List.of(), null, null)
				.withMeterExempt(true));
		systemPublisher.publish(dredge, clock.instant().minus(Duration.ofDays(1)), true);
		systemPublisher.publish(article(editor, "tier-letter", "A letter for one tier", gated,
				Visibility.tiers(Set.of(app.getBean(PlanCatalog.class).activePlans().get(0).tier())), List.of("boats"),
				null, null), clock.instant().minus(Duration.ofHours(5)), false);
		systemPublisher.publish(article(editor, "regatta", "The regatta next month", "Boats race.",
				Visibility.everyone(), List.of(), null, null), clock.instant().plus(Duration.ofDays(30)), true);
		article(editor, "unfinished", "Unfinished thoughts", "A draft about buoys.", Visibility.members(), List.of(),
				null, null);
		PublishingProbe.letAuthorPublish(app.getBean(JdbcClient.class), "unfinished");
		StoredImage quay = app.getBean(MediaLibrary.class).upload(TestImages.png(640, 360));
		systemPublisher.publish(
				article(editor, "quay-photo", "The quay at dawn", quay.markdown() + "\n\nThe quay at dawn.",
						Visibility.everyone(), List.of(), null, null),
				clock.instant().minus(Duration.ofHours(2)), true);
		PublishingProbe.setCoverImage(app.getBean(JdbcClient.class), "quay-photo",
				app.getBean(BackstoryProperties.class).link(quay.url()));

		seedEntitiesAndEvents(app, ownerId, silt.id());

		MemberDirectory directory = app.getBean(MemberDirectory.class);
		OptIns optIns = app.getBean(OptIns.class);
		Map<String, Long> newsletters = new HashMap<>();
		app.getBean(Newsletters.class).all().forEach(n -> newsletters.put(n.slug(), n.id()));
		Map<String, List<String>> chosen = new LinkedHashMap<>();
		chosen.put("weekly", List.of("weekly"));
		chosen.put("both", List.of("weekly", "digest"));
		chosen.put("none", List.of());
		chosen.forEach((who, slugs) -> {
			long id = directory.createAccount(
					new NewAccount(who + "@roundtrip.example", "Reader " + who, null, MemberRole.MEMBER, true));
			optIns.choose(id, slugs.stream().map(newsletters::get).toList());
		});
	}

	/**
	 * Issue 14: two entities (one with an alias), named and quoted in an article, one
	 * mention rejected by the editor; storyline events of each date precision, with a
	 * quote, sources, a covering article and a key flag.
	 */
	private static void seedEntitiesAndEvents(ConfigurableApplicationContext app, long ownerId, long storylineId) {
		Entities entities = app.getBean(Entities.class);
		Entity ada = entities.create(ownerId, "person", "ada-varn", "Ada Varn", "The harbour's pilot since 2011.",
				List.of("Varn"));
		entities.create(ownerId, "place", "north-quay", "North Quay", "", List.of());
		ArticleEditor editor = app.getBean(ArticleEditor.class);
		SystemPublisher systemPublisher = app.getBean(SystemPublisher.class);
		long quoted = editor.save(new ArticleDraft(null, "pilot-says", "The pilot speaks", "The dek of pilot-says", """
				Ada Varn took us past the North Quay.

				> "The channel moves every winter." — Varn, 2019-02-03

				<!-- paywall -->

				> "Nobody pays me to say it is deep enough." — Ada Varn
				""", List.of("harbour-desk"), List.of(), "silt", 3, null, Visibility.paid(), ArticleSeo.none()));
		systemPublisher.publish(quoted, app.getBean(Clock.class).instant().minus(Duration.ofHours(3)), true);
		MemberProfile owner = app.getBean(MemberDirectory.class).profile(ownerId).orElseThrow();
		entities.confirmMentions(quoted, List.of(ada.id()),
				new SignedInMember(owner.id(), owner.email(), owner.name(), owner.role()));
		StorylineEvents events = app.getBean(StorylineEvents.class);
		events.add(ownerId, storylineId, new EventDraft("2018", "The silt came back.", "", "", "", "", false));
		events.add(ownerId, storylineId,
				new EventDraft("2019-03", "The dredger arrived.", "We will dig all spring.", "Ada Varn",
						"https://example.com/dredger The dredger's log\nhttps://example.com/port", "pilot-says", true));
		events.add(ownerId, storylineId,
				new EventDraft("2019-04-12", "The channel reopened.", "", "", "", "members-tide", false));
	}

	/**
	 * Subscriptions of every kind, made through billing's own services with the clock
	 * moved back 40 days and forward again: one past due (its renewal declined, then its
	 * first retry), one renewed, partly refunded and canceled, one yearly, one trialing
	 * and a comp; payments that succeeded, failed and were refunded.
	 */
	private static void seedBilling(ConfigurableApplicationContext app, String ownerEmail) {
		SettableClock clock = app.getBean(SettableClock.class);
		Plan plan = app.getBean(PlanCatalog.class).activePlans().get(0);
		Plan trial = app.getBean(PlanCatalog.class).createPlan(BillingFixtures.newTrialPlan(14));
		RenewalRun renewals = app.getBean(RenewalRun.class);
		try {
			clock.advance(Duration.ofDays(-40));
			subscriber(app, "pastdue", plan, BillingInterval.MONTH, SandboxCards.FIRST_CHARGE_ONLY);
			long canceled = subscriber(app, "canceled", plan, BillingInterval.MONTH, SandboxCards.SUCCEEDS);
			clock.advance(Duration.ofDays(31).plusHours(1));
			renewals.runDue();
			clock.reset();
			renewals.runDue();
			long renewal = BillingProbe.lastSucceededPaymentOf(app.getBean(JdbcClient.class), canceled);
			long ownerId = app.getBean(MemberDirectory.class).findByEmail(ownerEmail).orElseThrow().id();
			app.getBean(Refunds.class)
				.refund(ownerId, renewal, 200, "Charged twice by mistake", UUID.randomUUID().toString());
			app.getBean(SubscriptionChanges.class).cancel(canceled);
		}
		finally {
			clock.reset();
		}
		subscriber(app, "yearly", plan, BillingInterval.YEAR, SandboxCards.SUCCEEDS);
		subscriber(app, "trial", trial, BillingInterval.MONTH, SandboxCards.SUCCEEDS);
		long comped = app.getBean(MemberDirectory.class)
			.createAccount(new NewAccount("comped@roundtrip.example", "Reader comped", null, MemberRole.MEMBER, true));
		app.getBean(SubscriptionService.class)
			.grantComp(comped, plan.tier(), clock.instant().plus(Duration.ofDays(60)));
	}

	private static long subscriber(ConfigurableApplicationContext app, String who, Plan plan, BillingInterval interval,
			String card) {
		String email = who + "@roundtrip.example";
		long id = app.getBean(MemberDirectory.class)
			.createAccount(new NewAccount(email, "Reader " + who, null, MemberRole.MEMBER, true));
		CheckoutOutcome outcome = app.getBean(CheckoutService.class)
			.checkout(new Checkout(id, email, plan.code(), interval, UUID.randomUUID(), BillingFixtures.card(card)));
		assertThat(outcome).isInstanceOfAny(CheckoutOutcome.Subscribed.class, CheckoutOutcome.TrialStarted.class);
		return id;
	}

	private static long article(ArticleEditor editor, String slug, String title, String body, Visibility visibility,
			List<String> tags, String storyline, Integer position) {
		return editor.save(draft(slug, title, body, visibility, tags, storyline, position));
	}

	private static ArticleDraft draft(String slug, String title, String body, Visibility visibility, List<String> tags,
			String storyline, Integer position) {
		return new ArticleDraft(null, slug, title, "The dek of " + slug, body, List.of("harbour-desk", "the-owner"),
				tags, storyline, position, null, visibility, new ArticleSeo("SEO " + slug, "About " + slug, null));
	}

	/**
	 * A second application on an empty database of its own, as a new Backstory would be.
	 * The settings are command-line arguments, which win over application.properties (the
	 * builder's own properties would not). Its renewal run waits a day: the restored
	 * past-due subscription is due at once, and a run between the import and the second
	 * export would rightly retry it (RenewalRunIntegrationTests covers that).
	 */
	private static ConfigurableApplicationContext startEmptyBackstory() throws IOException {
		String database = "roundtrip_" + Long.toString(System.nanoTime(), 36);
		return new SpringApplicationBuilder(BackstoryApplication.class).run("--server.port=0",
				"--server.address=127.0.0.1", "--backstory.database.url=" + TestDatabase.url(database),
				"--backstory.database.username=" + TestDatabase.username(),
				"--backstory.database.password=" + TestDatabase.password(),
				"--backstory.data-dir=" + Files.createTempDirectory("backstory-roundtrip"), "--backstory.demo=false",
				"--db-scheduler.polling-interval=1s", "--db-scheduler.shutdown-max-wait=2s",
				"--backstory.billing.renewal.run-every=1d");
	}

	private static String download(Visitor owner, String path) {
		Visitor.Page page = owner.get(path);
		assertThat(page.status()).as(path).isEqualTo(200);
		return page.body();
	}

	/**
	 * The dry run of the export archive at /admin/import, which must carry a notice
	 * containing {@code notice}.
	 */
	private static Visitor.Page dryRun(Visitor owner, byte[] archive, String notice) {
		Visitor.Page dryRun = owner.upload("/admin/import", "/admin/import", "file", "backstory-export.zip", archive);
		assertThat(dryRun.document().select("li.import-notice").eachText())
			.anySatisfy(text -> assertThat(text).contains(notice));
		return dryRun;
	}

	private static Visitor.Page confirm(Visitor owner, Visitor.Page dryRun) {
		Element form = dryRun.document().selectFirst("form.import-confirm");
		assertThat(form).as("an Import button on the dry run: " + dryRun.body()).isNotNull();
		Map<String, String> fields = new LinkedHashMap<>();
		form.select("input[type=hidden]").forEach(input -> fields.put(input.attr("name"), input.attr("value")));
		return owner.post(form.attr("action"), fields);
	}

	/**
	 * The backstory section's articles by slug, without what the second site makes its
	 * own (ids, Ghost ids, creation and change times), with the storyline by slug.
	 */
	private static Map<String, String> articles(String posts) {
		JsonNode backstory = JSON.readTree(posts).path("db").path(0).path("backstory");
		Map<String, String> storylines = new HashMap<>();
		backstory.path("storylines")
			.forEach(s -> storylines.put(s.path("storyline_id").asString(""), s.path("slug").asString("")));
		Map<String, String> articles = new LinkedHashMap<>();
		backstory.path("articles").forEach(article -> {
			ObjectNode row = (ObjectNode) article.deepCopy();
			row.remove(List.of("post_id", "id", "created_at", "updated_at"));
			row.put("storyline_id", storylines.get(article.path("storyline_id").asString("")));
			articles.put(article.path("slug").asString(""), row.toString());
		});
		return articles;
	}

	/**
	 * The file without the time it was exported at, the one field two exports of one site
	 * may differ in.
	 */
	private static String withoutExportTime(String posts) {
		assertThat(posts).containsPattern(EXPORTED_ON);
		return EXPORTED_ON.matcher(posts).replaceFirst("");
	}

	/** members.csv rows by address, without the id column. */
	private static Map<String, List<String>> members(String csv) throws CsvReader.MalformedCsvException {
		Map<String, List<String>> rows = new HashMap<>();
		CsvReader.parse(csv)
			.stream()
			.skip(1)
			.forEach(record -> rows.put(record.fields().get(1), record.fields().subList(1, record.fields().size())));
		return rows;
	}

	/** The archive's CSV files by name (members.csv and the billing files). */
	private static Map<String, String> billingFiles(byte[] archive) throws IOException {
		Map<String, String> files = new HashMap<>();
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				if (entry.getName().endsWith(".csv")) {
					files.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
				}
			}
		}
		assertThat(files).containsKeys("subscriptions.csv", "payments.csv", "subscription_events.csv");
		return files;
	}

	/** One column's values, from the header's name. */
	private static List<String> column(String csv, String name) throws CsvReader.MalformedCsvException {
		List<CsvReader.Record> records = CsvReader.parse(csv);
		int index = records.get(0).fields().indexOf(name);
		return records.stream().skip(1).map(record -> record.fields().get(index)).toList();
	}

	/**
	 * The line of members.csv (1 is the header) that holds the owner, who is already a
	 * member of the second site.
	 */
	private static int ownerLine(String csv, String email) throws CsvReader.MalformedCsvException {
		return CsvReader.parse(csv)
			.stream()
			.filter(record -> record.fields().get(1).equalsIgnoreCase(email))
			.findFirst()
			.orElseThrow()
			.line();
	}

	private static int rows(String csv) throws CsvReader.MalformedCsvException {
		return CsvReader.parse(csv).size() - 1;
	}

	/** The day a member's subscription period ends, as the import page shows it. */
	private static String periodEnd(Map<String, String> billing, String who) throws CsvReader.MalformedCsvException {
		List<String> emails = column(billing.get("subscriptions.csv"), "member_email");
		return column(billing.get("subscriptions.csv"), "current_period_end")
			.get(emails.indexOf(who + "@roundtrip.example"))
			.substring(0, 10);
	}

	private static List<String> notices(Visitor.Page dryRun) {
		return dryRun.document().select("li.import-notice").eachText();
	}

	/**
	 * The revenue figures on the owner's dashboard, over 90 days and 12 months: each
	 * panel's numbers and the trials.
	 */
	private static Map<String, List<String>> revenuePage(Visitor owner) {
		Map<String, List<String>> figures = new LinkedHashMap<>();
		for (String range : List.of("90d", "12m")) {
			Visitor.Page page = owner.get("/admin/dashboard?range=" + range);
			assertThat(page.status()).isEqualTo(200);
			page.document()
				.select(".dashboard-panel")
				.forEach(panel -> figures.put(range + " " + panel.id(), panel.select("tr").eachText()));
			figures.put(range + " trials", List.of(page.document().select(".dashboard-trials").text()));
		}
		assertThat(figures.values()).as("the dashboard has figures").anySatisfy(rows -> assertThat(rows).isNotEmpty());
		return figures;
	}

}
