package org.backstory.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;

import org.backstory.Visitor;
import org.backstory.admin.AdminProbe;
import org.backstory.admin.members.MemberExport;
import org.backstory.billing.BillingFixtures;
import org.backstory.billing.BillingInterval;
import org.backstory.billing.NewPlan;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.Receipts;
import org.backstory.billing.SandboxCards;
import org.backstory.billing.SubscriptionService;
import org.backstory.billing.checkout.CheckoutService;
import org.backstory.billing.payment.Refunds;
import org.backstory.media.MediaFiles;
import org.backstory.media.MediaLibrary;
import org.backstory.media.StoredImage;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.backstory.members.NewAccount;
import org.backstory.members.SignedInMember;
import org.backstory.newsletters.Newsletter;
import org.backstory.newsletters.NewsletterFixtures;
import org.backstory.newsletters.Newsletters;
import org.backstory.newsletters.OptIns;
import org.backstory.publishing.ArticleDraft;
import org.backstory.publishing.ArticleEditor;
import org.backstory.publishing.ArticleFixtures;
import org.backstory.publishing.ArticleSeo;
import org.backstory.publishing.Author;
import org.backstory.publishing.PublicationService;
import org.backstory.publishing.Storyline;
import org.backstory.publishing.SystemPublisher;
import org.backstory.publishing.Tag;
import org.backstory.publishing.TaxonomyCreator;
import org.backstory.publishing.Visibility;
import org.backstory.shared.CsvReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The owner's export over HTTP: each file is downloaded, parsed and checked against what
 * was seeded (a gated article in full, its tags, author, storyline and old slug, a
 * member's opt-ins, a comped and a paying subscription, a refunded payment, an image),
 * the archive holds the same files, two exports are the same bytes, and every download is
 * in the audit log. The database is shared, so the checks look for the seeded rows among
 * the others.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory directory;

	@Autowired
	ArticleEditor editor;

	@Autowired
	TaxonomyCreator taxonomyCreator;

	@Autowired
	SystemPublisher systemPublisher;

	@Autowired
	Newsletters newsletters;

	@Autowired
	OptIns optIns;

	@Autowired
	PlanCatalog catalog;

	@Autowired
	CheckoutService checkouts;

	@Autowired
	SubscriptionService subscriptions;

	@Autowired
	Receipts receipts;

	@Autowired
	Refunds refunds;

	@Autowired
	MediaLibrary media;

	@Autowired
	MediaFiles mediaFiles;

	@Autowired
	PublicationService publication;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	private Visitor owner;

	private long ownerId;

	private long articleId;

	private ArticleDraft gated;

	private String oldSlug;

	private Tag primaryTag;

	private Tag secondTag;

	private Author author;

	private Storyline storyline;

	private long draftId;

	private long emailOnlyId;

	private long scheduledId;

	private String tier;

	private long tiersArticleId;

	private Newsletter first;

	private Newsletter second;

	private String optedInEmail;

	private String formulaEmail;

	private long compedMemberId;

	private SignedInMember payer;

	private Plan plan;

	private long refundedPaymentId;

	private StoredImage image;

	private byte[] imageBytes;

	@BeforeAll
	void seed() throws IOException {
		String ownerEmail = MemberFixtures.account(directory, "export-owner", MemberRole.OWNER);
		ownerId = directory.findByEmail(ownerEmail).orElseThrow().id();
		owner = new Visitor(port);
		assertThat(owner.signIn(ownerEmail, MemberFixtures.PASSWORD).status()).isEqualTo(302);

		ArticleFixtures fixtures = new ArticleFixtures(editor, systemPublisher, taxonomyCreator);
		primaryTag = fixtures.tag();
		secondTag = fixtures.tag();
		author = fixtures.author();
		storyline = fixtures.storyline();
		oldSlug = ArticleFixtures.unique("export-old");
		String body = "## Before you read\n\nThe background of " + oldSlug + ".\n\nFree paragraph of " + oldSlug
				+ ".\n\n<!-- paywall -->\n\nGated paragraph of " + oldSlug + " that only payers read.";
		ArticleDraft draft = new ArticleDraft(null, oldSlug, "Exported " + oldSlug, "Dek of " + oldSlug, body,
				List.of(author.slug()), List.of(primaryTag.slug(), secondTag.slug()), storyline.slug(), 1,
				"https://images.example/cover.jpg", Visibility.paid(),
				new ArticleSeo("SEO title " + oldSlug, "SEO description", null));
		articleId = fixtures.publish(draft);
		gated = new ArticleDraft(articleId, ArticleFixtures.unique("export-new"), draft.title(), draft.dek(), body,
				draft.authorSlugs(), draft.tagSlugs(), draft.storylineSlug(), 1, draft.coverImageUrl(),
				draft.visibility(), draft.seo());
		editor.save(gated);
		draftId = editor.save(fixtures.draft(Visibility.members()));
		emailOnlyId = editor.save(fixtures.draft(Visibility.everyone()));
		systemPublisher.publish(emailOnlyId, clock.instant().minus(Duration.ofMinutes(5)), false);
		scheduledId = editor.save(fixtures.draft(Visibility.members()));
		systemPublisher.publish(scheduledId, clock.instant().plus(Duration.ofDays(30)), true);

		// A tier of its own: the export names a tier after its first plan, and other
		// tests add plans to the shared tiers.
		NewPlan shared = BillingFixtures.newPlan();
		plan = catalog
			.createPlan(new NewPlan(shared.code(), shared.name(), "export-" + shared.code(), shared.description(),
					shared.currency(), shared.monthlyPrice(), shared.yearlyPrice(), shared.displayOrder()));
		tier = plan.tier();
		tiersArticleId = fixtures.publish(fixtures.draft(Visibility.tiers(Set.of(tier))));

		first = NewsletterFixtures.newsletter(newsletters, "export-first", false);
		second = NewsletterFixtures.newsletter(newsletters, "export-second", false);
		optedInEmail = MemberFixtures.reader(directory, "export-optin");
		optIns.choose(directory.findByEmail(optedInEmail).orElseThrow().id(), List.of(first.id(), second.id()));

		formulaEmail = MemberFixtures.uniqueEmail("export-formula");
		directory.createAccount(
				new NewAccount(formulaEmail, "=HYPERLINK(\"http://evil.example\")", null, MemberRole.MEMBER, true));

		compedMemberId = directory.findByEmail(MemberFixtures.reader(directory, "export-comped")).orElseThrow().id();
		optIns.choose(compedMemberId, List.of());
		subscriptions.grantCompByStaff(ownerId, compedMemberId, tier, null);

		payer = BillingFixtures.subscribedMember(directory, checkouts, plan, BillingInterval.MONTH,
				SandboxCards.SUCCEEDS);
		refundedPaymentId = receipts.history(payer.id()).get(0).payment().id();
		refunds.refund(ownerId, refundedPaymentId, 150, "Late delivery", UUID.randomUUID().toString());

		imageBytes = uniquePng();
		image = media.upload(imageBytes);
	}

	/**
	 * Other tests count what the site lists: the articles published here are taken back.
	 */
	@AfterAll
	void unpublishTheArticlesPublishedHere() {
		List.of(articleId, tiersArticleId, emailOnlyId, scheduledId).forEach(systemPublisher::unpublish);
	}

	@Test
	void postsAreGhostsJsonExportWithTheGatedArticleWhole() {
		JsonNode db = posts(owner.get("/admin/export/posts.json").body());
		JsonNode data = db.get("data");
		JsonNode post = bySlug(data.get("posts"), gated.slug());

		assertThat(db.get("meta").get("version").asString()).isEqualTo(GhostJsonExport.GHOST_VERSION);
		assertThat(db.get("meta").get("exported_on").asLong()).isPositive();
		assertThat(post.get("id").asString()).matches("[0-9a-f]{24}");
		assertThat(post.get("uuid").asString()).matches("[0-9a-f-]{36}");
		assertThat(post.get("title").asString()).isEqualTo(gated.title());
		assertThat(post.get("custom_excerpt").asString()).isEqualTo(gated.dek());
		assertThat(post.get("visibility").asString()).isEqualTo("paid");
		assertThat(post.get("status").asString()).isEqualTo("published");
		assertThat(post.get("type").asString()).isEqualTo("post");
		assertThat(post.get("feature_image").asString()).isEqualTo("https://images.example/cover.jpg");
		assertThat(post.get("published_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
		String html = post.get("html").asString();
		assertThat(html).contains("<section", "Before you read", "Free paragraph of " + oldSlug);
		assertThat(html.indexOf("Free paragraph of")).isLessThan(html.indexOf("<!--members-only-->"));
		assertThat(html.indexOf("<!--members-only-->")).isLessThan(html.indexOf("Gated paragraph of " + oldSlug));
		assertThat(html).doesNotContain("<!-- paywall -->", "paywalled-content");
		assertThat(post.get("plaintext").asString()).contains("Gated paragraph of " + oldSlug);

		String postId = post.get("id").asString();
		JsonNode meta = only(data.get("posts_meta"), "post_id", postId);
		assertThat(meta.get("meta_title").asString()).isEqualTo("SEO title " + oldSlug);
		assertThat(meta.get("email_only").booleanValue()).isFalse();
		List<JsonNode> tags = all(data.get("posts_tags"), "post_id", postId);
		assertThat(tags).extracting(row -> row.get("sort_order").asLong()).containsExactly(0L, 1L);
		assertThat(bySlug(data.get("tags"), primaryTag.slug()).get("id").asString())
			.isEqualTo(tags.get(0).get("tag_id").asString());
		assertThat(bySlug(data.get("tags"), secondTag.slug()).get("id").asString())
			.isEqualTo(tags.get(1).get("tag_id").asString());
		JsonNode user = bySlug(data.get("users"), author.slug());
		assertThat(only(data.get("posts_authors"), "post_id", postId).get("author_id").asString())
			.isEqualTo(user.get("id").asString());
		assertThat(user.get("name").asString()).isEqualTo(author.name());
		assertThat(user.get("email").asString()).isEqualTo(author.slug() + "@authors.invalid");
		data.get("users").forEach(row -> assertThat(row.has("password")).isFalse());
		assertThat(all(data.get("posts_products"), "post_id", postId)).isEmpty();
	}

	@Test
	void draftsAndTierArticlesKeepTheirStatusAndTiers() {
		JsonNode data = posts(owner.get("/admin/export/posts.json").body()).get("data");
		JsonNode backstory = posts(owner.get("/admin/export/posts.json").body()).get("backstory");
		String draftPostId = only(backstory.get("articles"), "id", draftId).get("post_id").asString();
		String tiersPostId = only(backstory.get("articles"), "id", tiersArticleId).get("post_id").asString();

		assertThat(only(data.get("posts"), "id", draftPostId).get("status").asString()).isEqualTo("draft");
		assertThat(only(data.get("posts"), "id", draftPostId).get("published_at").isNull()).isTrue();
		assertThat(only(data.get("posts"), "id", tiersPostId).get("visibility").asString()).isEqualTo("tiers");
		String productId = only(data.get("posts_products"), "post_id", tiersPostId).get("product_id").asString();
		JsonNode product = bySlug(data.get("products"), tier);
		assertThat(product.get("id").asString()).isEqualTo(productId);
		assertThat(product.get("name").asString()).isEqualTo(plan.name());
		assertThat(product.get("monthly_price").asLong()).isEqualTo(plan.monthlyPrice());
		assertThat(bySlug(data.get("newsletters"), first.slug()).get("name").asString()).isEqualTo(first.name());
	}

	@Test
	void anEmailOnlyArticleIsSentAndAScheduledOneScheduled() {
		JsonNode db = posts(owner.get("/admin/export/posts.json").body());
		JsonNode emailOnly = only(db.get("backstory").get("articles"), "id", emailOnlyId);
		String emailOnlyPostId = emailOnly.get("post_id").asString();
		String scheduledPostId = only(db.get("backstory").get("articles"), "id", scheduledId).get("post_id").asString();

		assertThat(only(db.get("data").get("posts"), "id", emailOnlyPostId).get("status").asString()).isEqualTo("sent");
		assertThat(only(db.get("data").get("posts_meta"), "post_id", emailOnlyPostId).get("email_only").booleanValue())
			.isTrue();
		assertThat(emailOnly.get("on_site").booleanValue()).isFalse();
		assertThat(only(db.get("data").get("posts"), "id", scheduledPostId).get("status").asString())
			.isEqualTo("scheduled");
	}

	@Test
	void theBackstorySectionKeepsWhatGhostHasNoPlaceFor() {
		JsonNode db = posts(owner.get("/admin/export/posts.json").body());
		JsonNode backstory = db.get("backstory");
		JsonNode article = only(backstory.get("articles"), "id", articleId);

		assertThat(article.get("post_id").asString())
			.isEqualTo(bySlug(db.get("data").get("posts"), gated.slug()).get("id").asString());
		assertThat(article.get("markdown").asString()).isEqualTo(gated.bodyMarkdown());
		assertThat(article.get("slug_aliases")).extracting(JsonNode::asString).containsExactly(oldSlug);
		assertThat(article.get("status").asString()).isEqualTo("published");
		assertThat(article.get("storyline_position").asLong()).isEqualTo(1);
		JsonNode story = only(backstory.get("storylines"), "slug", storyline.slug());
		assertThat(article.get("storyline_id").asString()).isEqualTo(story.get("storyline_id").asString());
		assertThat(story.get("title").asString()).isEqualTo(storyline.title());
		assertThat(only(backstory.get("plans"), "code", plan.code()).get("monthly_price").asLong())
			.isEqualTo(plan.monthlyPrice());
		assertThat(backstory.get("format_version").asLong()).isEqualTo(BackstorySection.FORMAT_VERSION);
		assertThat(backstory.get("publication").get("legal_name").asString())
			.isEqualTo(publication.publication().legalName());
		assertThat(only(db.get("data").get("settings"), "key", "title").get("value").asString())
			.isEqualTo(publication.publication().name());
	}

	@Test
	void membersAreGhostsCsvWithEachNewsletterOptIn() throws Exception {
		List<CsvReader.Record> rows = CsvReader.parse(owner.get("/admin/export/members.csv").body());

		assertThat(rows.get(0).fields()).isEqualTo(MemberExport.COLUMNS_WITH_NEWSLETTERS);
		Map<String, String> optedIn = row(rows, "email", optedInEmail);
		assertThat(optedIn.get("subscribed_to_emails")).isEqualTo("true");
		assertThat(optedIn.get("newsletters")).isEqualTo(first.slug() + "," + second.slug());
		Map<String, String> comped = row(rows, "id", Long.toString(compedMemberId));
		assertThat(comped.get("complimentary_plan")).isEqualTo("true");
		assertThat(comped.get("subscribed_to_emails")).isEqualTo("false");
		assertThat(comped.get("newsletters")).isEmpty();
		assertThat(row(rows, "email", formulaEmail).get("name")).isEqualTo("'=HYPERLINK(\"http://evil.example\")");
	}

	@Test
	void subscriptionsListTheCompAndThePaidOne() throws Exception {
		List<CsvReader.Record> rows = CsvReader.parse(owner.get("/admin/export/subscriptions.csv").body());

		assertThat(rows.get(0).fields()).isEqualTo(BillingCsvExport.SUBSCRIPTION_COLUMNS);
		Map<String, String> comp = row(rows, "member_id", Long.toString(compedMemberId));
		assertThat(comp).containsEntry("comped", "true")
			.containsEntry("tier", tier)
			.containsEntry("plan", "")
			.containsEntry("price_amount", "")
			.containsEntry("status", "active");
		Map<String, String> paid = row(rows, "member_id", Long.toString(payer.id()));
		assertThat(paid).containsEntry("comped", "false")
			.containsEntry("plan", plan.code())
			.containsEntry("interval", "month")
			.containsEntry("price_amount", Long.toString(plan.monthlyPrice()))
			.containsEntry("currency", plan.currency())
			.containsEntry("member_email", payer.email());
		assertThat(paid.get("current_period_end")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
	}

	@Test
	void subscriptionEventsCarryTheFiguresRevenueIsComputedFrom() throws Exception {
		List<CsvReader.Record> subscriptions = CsvReader.parse(owner.get("/admin/export/subscriptions.csv").body());
		String paid = row(subscriptions, "member_id", Long.toString(payer.id())).get("id");
		List<CsvReader.Record> rows = CsvReader.parse(owner.get("/admin/export/subscription_events.csv").body());

		assertThat(rows.get(0).fields()).isEqualTo(BillingCsvExport.EVENT_COLUMNS);
		List<String> header = rows.get(0).fields();
		assertThat(rows.stream()
			.skip(1)
			.map(CsvReader.Record::fields)
			.filter(fields -> fields.get(header.indexOf("subscription_id")).equals(paid))
			.map(fields -> fields.get(header.indexOf("to_status")) + " " + fields.get(header.indexOf("cause")) + " "
					+ fields.get(header.indexOf("kind")) + " " + fields.get(header.indexOf("mrr_after"))))
			.as("no member address, only the figures")
			.contains("active first_payment paid " + plan.monthlyPrice());
	}

	@Test
	void paymentsShowTheRefund() throws Exception {
		List<CsvReader.Record> rows = CsvReader.parse(owner.get("/admin/export/payments.csv").body());

		assertThat(rows.get(0).fields()).isEqualTo(BillingCsvExport.PAYMENT_COLUMNS);
		Map<String, String> payment = row(rows, "id", Long.toString(refundedPaymentId));
		assertThat(payment).containsEntry("member_id", Long.toString(payer.id()))
			.containsEntry("member_email", payer.email())
			.containsEntry("status", "succeeded")
			.containsEntry("amount", Long.toString(plan.monthlyPrice()))
			.containsEntry("refunded_amount", "150")
			.containsEntry("currency", plan.currency())
			.containsEntry("purpose", "checkout");
		assertThat(payment.get("refunded_at")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
	}

	@Test
	void imagesAreAZipOfTheUploadedFiles() throws IOException {
		Visitor.Download zip = owner.download("/admin/export/images.zip");
		Map<String, byte[]> entries = unzip(zip.body());
		String copy = image.url().substring("/media/".length());
		String name = copy.substring(copy.lastIndexOf('/') + 1, copy.lastIndexOf('-'));
		String original = "originals/" + copy.substring(0, copy.lastIndexOf('/')) + "/" + name + ".png";

		assertThat(zip.header("Content-Type")).startsWith("application/zip");
		assertThat(entries.get(original)).isEqualTo(imageBytes);
		assertThat(entries.get(copy)).isEqualTo(Files.readAllBytes(mediaFiles.root().resolve(copy)));
	}

	@Test
	void theArchiveHoldsEveryFile() throws IOException {
		Visitor.Download archive = owner.download("/admin/export/archive");
		Map<String, byte[]> entries = unzip(archive.body());

		assertThat(archive.header("Content-Disposition")).isEqualTo("attachment; filename=\"backstory-export-"
				+ ExportAudit.slug(publication.publication().name()) + "-" + LocalDate.now(ZoneOffset.UTC) + ".zip\"");
		assertThat(archive.header("Cache-Control")).contains("no-store");
		assertThat(text(entries.get("members.csv"))).isEqualTo(owner.get("/admin/export/members.csv").body());
		assertThat(text(entries.get("payments.csv"))).isEqualTo(owner.get("/admin/export/payments.csv").body());
		assertThat(text(entries.get("subscriptions.csv")))
			.isEqualTo(owner.get("/admin/export/subscriptions.csv").body());
		assertThat(text(entries.get("subscription_events.csv")))
			.isEqualTo(owner.get("/admin/export/subscription_events.csv").body());
		assertThat(withoutExportTime(text(entries.get("posts.json"))))
			.isEqualTo(withoutExportTime(owner.get("/admin/export/posts.json").body()));
		assertThat(entries.get("images/" + image.url().substring("/media/".length()))).isNotEmpty();
	}

	@Test
	void twoExportsOfAnUnchangedSiteAreTheSameBytesButForTheExportTime() {
		String posts = owner.get("/admin/export/posts.json").body();
		String again = owner.get("/admin/export/posts.json").body();

		assertThat(withoutExportTime(again)).isEqualTo(withoutExportTime(posts));
		assertThat(owner.download("/admin/export/images.zip").body())
			.isEqualTo(owner.download("/admin/export/images.zip").body());
		assertThat(owner.get("/admin/export/members.csv").body())
			.isEqualTo(owner.get("/admin/export/members.csv").body());
	}

	@Test
	void everyDownloadIsAudited() {
		owner.get("/admin/export/payments.csv");

		assertThat(AdminProbe.lastBy(jdbc, ownerId, "export.downloaded").subject()).isEqualTo("payments.csv");
	}

	@Test
	void anUnknownFileIsNotFound() {
		assertThat(owner.get("/admin/export/secrets.txt").status()).isEqualTo(404);
	}

	@Test
	void thePageLinksEveryFile() {
		Visitor.Page page = owner.get("/admin/export");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.document().select("a[href^=/admin/export/]").eachAttr("href")).containsExactly(
				"/admin/export/archive", "/admin/export/posts.json", "/admin/export/members.csv",
				"/admin/export/subscriptions.csv", "/admin/export/payments.csv",
				"/admin/export/subscription_events.csv", "/admin/export/images.zip");
	}

	private static JsonNode posts(String body) {
		JsonNode root = JSON.readTree(body);
		assertThat(root.get("db")).hasSize(1);
		return root.get("db").get(0);
	}

	private static JsonNode bySlug(JsonNode rows, String slug) {
		return only(rows, "slug", slug);
	}

	private static JsonNode only(JsonNode rows, String field, Object value) {
		List<JsonNode> found = all(rows, field, value);
		assertThat(found).as(field + "=" + value).hasSize(1);
		return found.get(0);
	}

	private static List<JsonNode> all(JsonNode rows, String field, Object value) {
		return StreamSupport.stream(rows.spliterator(), false)
			.filter(row -> row.has(field) && row.get(field).asString().equals(value.toString()))
			.toList();
	}

	private static Map<String, String> row(List<CsvReader.Record> rows, String column, String value) {
		List<String> header = rows.get(0).fields();
		int index = header.indexOf(column);
		List<CsvReader.Record> found = rows.stream().skip(1).filter(r -> r.fields().get(index).equals(value)).toList();
		assertThat(found).as(column + "=" + value).hasSize(1);
		Map<String, String> cells = new LinkedHashMap<>();
		for (int i = 0; i < header.size(); i++) {
			cells.put(header.get(i), found.get(0).fields().get(i));
		}
		return cells;
	}

	private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				entries.put(entry.getName(), in.readAllBytes());
			}
		}
		return entries;
	}

	private static String text(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

	private static String withoutExportTime(String posts) {
		return posts.replaceFirst("\"exported_on\" : \\d+", "");
	}

	/** A small PNG no other test has uploaded. */
	private static byte[] uniquePng() throws IOException {
		BufferedImage picture = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
		ThreadLocalRandom random = ThreadLocalRandom.current();
		for (int x = 0; x < 40; x++) {
			for (int y = 0; y < 30; y++) {
				picture.setRGB(x, y, random.nextInt(0x1000000));
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(picture, "png", out);
		return out.toByteArray();
	}

}
