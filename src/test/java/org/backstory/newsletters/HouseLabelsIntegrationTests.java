package org.backstory.newsletters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.backstory.OwnDatabase;
import org.backstory.Visitor;
import org.backstory.api.ContentApiFixtures;
import org.backstory.api.Integrations;
import org.backstory.billing.BillingFixtures;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.backstory.members.SignedInMember;
import org.backstory.publishing.ArticleEditor;
import org.backstory.publishing.ArticleFixtures;
import org.backstory.publishing.HouseText;
import org.backstory.publishing.PublicationService;
import org.backstory.publishing.SystemPublisher;
import org.backstory.publishing.TaxonomyCreator;
import org.backstory.publishing.Visibility;
import org.backstory.shared.BackstoryProperties;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The house format's section labels are set in the settings page and shown on every
 * channel (issue 14 §1): the article page, the newsletter email (HTML and plain text),
 * the Content API's html and the feed, for articles saved before the change too. In a
 * database of its own: a change renders every article in the format again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "backstory.newsletters.idle-poll=200ms")
@OwnDatabase("house_labels")
class HouseLabelsIntegrationTests {

	private static final String SETTINGS = "/admin/settings";

	private static final String BACKGROUND_LABEL = "Some shit you should know before you read";

	private static final String NOW_LABEL = "Where things stand <now>";

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory members;

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
	NewsletterSends sends;

	@Autowired
	Integrations integrations;

	@Autowired
	PublicationService publication;

	@Autowired
	BackstoryProperties site;

	@Test
	void changedLabelsShowOnThePageInTheEmailInTheApiAndInTheFeed() throws Exception {
		Visitor administrator = staff();
		ArticleFixtures articles = new ArticleFixtures(editor, systemPublisher, taxonomyCreator);
		String slug = ArticleFixtures.unique("labelled");
		long id = editor.save(articles.draft(Visibility.everyone())
			.withText(new HouseText("The opening of " + slug + ".", "The background of " + slug + ".",
					"The now part of " + slug + ".")));
		String oldETag = new Visitor(port).get("/feed.xml").header("ETag");
		Newsletter newsletter = newsletters.create(NewsletterFixtures.settings());
		SignedInMember reader = BillingFixtures.registeredMember(members);
		optIns.optIn(reader.id(), newsletter.id());

		Visitor.Page saved = administrator.submit(SETTINGS, SETTINGS,
				settingsWith(administrator, BACKGROUND_LABEL, NOW_LABEL));

		assertThat(saved.status()).isEqualTo(303);
		Visitor.Page published = administrator.submit("/admin/publish/" + id, "/admin/publish/" + id, Map.of("mode",
				"SITE_AND_EMAIL", "newsletter", String.valueOf(newsletter.id()), "audience", "ALL", "when", "now"));
		assertThat(published.status()).isEqualTo(302);
		String slugNow = editor.statusOf(id).orElseThrow().slug();
		Document page = new Visitor(port).get("/p/" + slugNow).document();
		assertThat(heading(page, "section.before-you-read")).isEqualTo(BACKGROUND_LABEL);
		Element now = page.selectFirst("section.whats-going-on-now > h2");
		assertThat(now.text()).isEqualTo(NOW_LABEL);
		assertThat(now.children()).as("the label is text, never markup").isEmpty();
		assertThat(page.text()).doesNotContain("Before you read", "What's going on now");

		String key = ContentApiFixtures.contentKey(integrations, ArticleFixtures.unique("labels-api"));
		String api = new Visitor(port).get("/ghost/api/content/posts/slug/" + slugNow + "/?key=" + key).body();
		assertThat(api).contains("<h2>" + BACKGROUND_LABEL + "</h2>", "Where things stand &lt;now&gt;")
			.doesNotContain("Before you read");

		Visitor.Page feed = new Visitor(port).get("/feed.xml");
		assertThat(feed.body()).contains(BACKGROUND_LABEL, "The background of " + slug)
			.doesNotContain("Before you read");
		assertThat(feed.header("ETag")).isNotEqualTo(oldETag);

		long send = Long.parseLong(published.header("Location").replaceAll(".*/sends/", ""));
		NewsletterFixtures.awaitSent(sends, send, Duration.ofSeconds(30));
		MimeMessage mail = outboxMessage(send);
		String html = part(mail, "text/html");
		String text = part(mail, "text/plain");
		assertThat(html).contains(BACKGROUND_LABEL, "Where things stand &lt;now&gt;", "The now part of " + slug)
			.doesNotContain("Before you read");
		assertThat(text).containsIgnoringCase(BACKGROUND_LABEL)
			.containsIgnoringCase(NOW_LABEL)
			.contains("The now part of " + slug);
		assertThat(administrator.get(SETTINGS).document().select("input[name=nowLabel]").val()).isEqualTo(NOW_LABEL);
		assertThat(publication.labels().background()).isEqualTo(BACKGROUND_LABEL);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "Two\nlines",
			"A label that goes on and on for more than eighty characters, which no heading needs" })
	void aLabelThatIsEmptyTooLongOrMoreThanOneLineIsRefusedAndNothingIsSaved(String label) {
		Visitor administrator = staff();

		Visitor.Page refused = administrator.submit(SETTINGS, SETTINGS, settingsWith(administrator, label, "Now"));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.document().select(".error").text())
			.contains("A section label is one line of plain text, 1 to 80 characters.");
		assertThat(publication.labels().now()).isNotEqualTo("Now");
	}

	private Visitor staff() {
		String email = MemberFixtures.account(members, "administrator", MemberRole.ADMINISTRATOR);
		Visitor visitor = new Visitor(port);
		assertThat(visitor.signIn(email, MemberFixtures.PASSWORD).status()).isEqualTo(302);
		return visitor;
	}

	/** Every field of the settings form as it stands, with these labels. */
	private static Map<String, String> settingsWith(Visitor administrator, String backgroundLabel, String nowLabel) {
		Document form = administrator.get(SETTINGS).document();
		Map<String, String> fields = new HashMap<>();
		form.select("form[action=/admin/settings] input[name], form[action=/admin/settings] textarea[name]")
			.forEach(field -> fields.put(field.attr("name"), field.val()));
		fields.remove("_csrf");
		fields.put("backgroundLabel", backgroundLabel);
		fields.put("nowLabel", nowLabel);
		return fields;
	}

	private static String heading(Document page, String section) {
		return page.selectFirst(section + " > h2").text();
	}

	private MimeMessage outboxMessage(long send) throws IOException, MessagingException {
		Path directory = site.dataDir().resolve("outbox").resolve("newsletters");
		List<Path> files;
		try (Stream<Path> listed = Files.list(directory)) {
			files = listed.filter(file -> file.getFileName().toString().startsWith("newsletter." + send + "."))
				.toList();
		}
		assertThat(files).hasSize(1);
		try (InputStream in = Files.newInputStream(files.get(0))) {
			return new MimeMessage(Session.getInstance(new Properties()), in);
		}
	}

	private static String part(Part part, String type) throws IOException, MessagingException {
		if (part.isMimeType(type)) {
			return (String) part.getContent();
		}
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				String found = part(child, type);
				if (!found.isEmpty()) {
					return found;
				}
			}
		}
		return "";
	}

}
