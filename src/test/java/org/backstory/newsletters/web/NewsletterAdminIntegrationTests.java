package org.backstory.newsletters.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.backstory.Visitor;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.backstory.newsletters.Newsletter;
import org.backstory.newsletters.NewsletterFixtures;
import org.backstory.newsletters.Newsletters;
import org.backstory.newsletters.OptIns;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Staff list, create and edit newsletters. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NewsletterAdminIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory members;

	@Autowired
	Newsletters newsletters;

	@Autowired
	OptIns optIns;

	@Test
	void theAdminPageLinksToTheNewsletters() {
		assertThat(staff(MemberRole.EDITOR).get("/admin")
			.document()
			.select("ul.admin-links a[href=/admin/newsletters]")
			.text()).isEqualTo("Newsletters");
	}

	@Test
	void staffCreateANewsletterAndSeeItListedWithItsSubscribers() {
		Visitor editor = staff(MemberRole.EDITOR);
		String slug = uniqueSlug();

		Visitor.Page created = editor.submit("/admin/newsletters/new", "/admin/newsletters", fields(slug, "on"));

		assertThat(created.status()).isEqualTo(303);
		Newsletter newsletter = bySlug(slug);
		assertThat(newsletter)
			.isEqualTo(new Newsletter(newsletter.id(), slug, "Morning Notes", "Five things before nine.",
					"Morning Desk", "morning@backstory.example", "letters@backstory.example", true));
		optIns.optIn(members.findByEmail(MemberFixtures.reader(members, "subscriber")).orElseThrow().id(),
				newsletter.id());
		Document list = editor.follow("/admin/newsletters").document();
		assertThat(list.select("p.notice").text()).isEqualTo("Newsletter Morning Notes created.");
		Element row = list.selectFirst("table.newsletters tr:has(code:containsOwn(" + slug + "))");
		assertThat(row.select("td").eachText()).containsExactly("Morning Notes", slug,
				"Morning Desk <morning@backstory.example>", "on by default",
				String.valueOf(optIns.counts().get(newsletter.id())), "Edit");
	}

	@Test
	void badSettingsComeBackWithTheMessagesAndTheTypedValues() {
		Visitor editor = staff(MemberRole.EDITOR);
		String slug = uniqueSlug();
		Map<String, String> bad = fields(slug, "on");
		bad.put("senderAddress", "not an address");
		bad.put("name", " ");

		Visitor.Page refused = editor.submit("/admin/newsletters/new", "/admin/newsletters", bad);

		assertThat(refused.status()).isEqualTo(422);
		Document page = refused.document();
		assertThat(page.select(".error p").eachText()).containsExactly("The name must be 1 to 100 characters.",
				"The sender address must be an email address, like news@example.com.");
		assertThat(page.select("input[name=slug]").val()).isEqualTo(slug);
		assertThat(page.select("input[name=senderAddress]").val()).isEqualTo("not an address");
		assertThat(page.select("textarea[name=description]").text()).isEqualTo("Five things before nine.");
		assertThat(page.selectFirst("input[name=defaultOn]").hasAttr("checked")).isTrue();
		assertThat(newsletters.all()).noneMatch(n -> n.slug().equals(slug));
	}

	@Test
	void aSlugAlreadyInUseIsRefused() {
		Newsletter existing = NewsletterFixtures.newsletter(newsletters, "taken", false);

		Visitor.Page refused = staff(MemberRole.EDITOR).submit("/admin/newsletters/new", "/admin/newsletters",
				fields(existing.slug(), "on"));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.document().select(".error p").text())
			.isEqualTo("The slug '" + existing.slug() + "' is already used by another newsletter.");
		assertThat(newsletters.find(existing.id())).contains(existing);
	}

	@Test
	void staffChangeANewslettersSettings() {
		Newsletter existing = NewsletterFixtures.newsletter(newsletters, "edit", true);
		Visitor editor = staff(MemberRole.OWNER);
		String path = "/admin/newsletters/" + existing.id();
		assertThat(editor.get(path).document().select("input[name=name]").val()).isEqualTo(existing.name());

		Map<String, String> changed = fields(existing.slug(), null);
		changed.put("replyTo", "");
		Visitor.Page saved = editor.submit(path, path, changed);

		assertThat(saved.status()).isEqualTo(303);
		assertThat(newsletters.find(existing.id())).contains(new Newsletter(existing.id(), existing.slug(),
				"Morning Notes", "Five things before nine.", "Morning Desk", "morning@backstory.example", null, false));
	}

	@Test
	void anUnknownNewsletterIsNotFound() {
		assertThat(staff(MemberRole.EDITOR).get("/admin/newsletters/999999999").status()).isEqualTo(404);
	}

	@Test
	void readersAreForbiddenAndAnonymousVisitorsSentToLogIn() {
		Visitor reader = new Visitor(port);
		reader.signIn(MemberFixtures.reader(members, "nosy"), MemberFixtures.PASSWORD);

		assertThat(reader.get("/admin/newsletters").status()).isEqualTo(403);
		assertThat(reader.get("/admin/newsletters/new").status()).isEqualTo(403);
		Visitor.Page anonymous = new Visitor(port).get("/admin/newsletters");
		assertThat(anonymous.status()).isEqualTo(302);
		assertThat(anonymous.header("Location")).contains("/login");
	}

	private Newsletter bySlug(String slug) {
		return newsletters.all().stream().filter(n -> n.slug().equals(slug)).findFirst().orElseThrow();
	}

	private static Map<String, String> fields(String slug, String defaultOn) {
		Map<String, String> fields = new HashMap<>(Map.of("slug", slug, "name", "Morning Notes", "description",
				"Five things before nine.", "senderName", "Morning Desk", "senderAddress", "morning@backstory.example",
				"replyTo", "letters@backstory.example"));
		if (defaultOn != null) {
			fields.put("defaultOn", defaultOn);
		}
		return fields;
	}

	private static String uniqueSlug() {
		return "morning-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private Visitor staff(MemberRole role) {
		Visitor visitor = new Visitor(port);
		visitor.signIn(MemberFixtures.account(members, role.name().toLowerCase(), role), MemberFixtures.PASSWORD);
		return visitor;
	}

}
