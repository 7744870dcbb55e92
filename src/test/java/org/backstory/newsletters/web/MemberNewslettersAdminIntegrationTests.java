package org.backstory.newsletters.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.backstory.Visitor;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.backstory.newsletters.Newsletter;
import org.backstory.newsletters.NewsletterFixtures;
import org.backstory.newsletters.Newsletters;
import org.backstory.newsletters.OptIns;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Staff see and change which newsletters a member gets. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MemberNewslettersAdminIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory members;

	@Autowired
	Newsletters newsletters;

	@Autowired
	OptIns optIns;

	@Test
	void staffChangeAMembersNewsletters() {
		Newsletter kept = NewsletterFixtures.newsletter(newsletters, "staff-kept", false);
		Newsletter added = NewsletterFixtures.newsletter(newsletters, "staff-added", false);
		String email = MemberFixtures.reader(members, "member");
		long member = members.findByEmail(email).orElseThrow().id();
		optIns.choose(member, List.of(kept.id()));
		Visitor administrator = staff(MemberRole.ADMINISTRATOR);
		String path = "/admin/members/" + member + "/newsletters";

		Document page = administrator.get(path).document();
		assertThat(page.select(".newsletter-lead").text()).contains(email);
		assertThat(page.selectFirst("input[name=newsletter][value=" + kept.id() + "]").hasAttr("checked")).isTrue();

		Visitor.Page saved = administrator.submit(path, path, Map.of(), "newsletter",
				List.of(String.valueOf(kept.id()), String.valueOf(added.id())));

		assertThat(saved.status()).isEqualTo(303);
		assertThat(optIns.of(member)).containsExactlyInAnyOrder(kept.id(), added.id());
		assertThat(administrator.follow(path).document().select("p.notice").text())
			.isEqualTo("The member's newsletters are saved.");
	}

	@Test
	void anEditorSeesButCannotChangeAMembersNewsletters() {
		Newsletter newsletter = NewsletterFixtures.newsletter(newsletters, "staff-readonly", false);
		long member = members.findByEmail(MemberFixtures.reader(members, "readonly")).orElseThrow().id();
		Visitor editor = staff(MemberRole.EDITOR);
		String path = "/admin/members/" + member + "/newsletters";

		assertThat(editor.get(path).status()).isEqualTo(200);
		assertThat(editor.submit(path, path, Map.of(), "newsletter", List.of(String.valueOf(newsletter.id()))).status())
			.isEqualTo(403);
		assertThat(optIns.of(member)).doesNotContain(newsletter.id());
	}

	@Test
	void staffFindAMemberByAddress() {
		String email = MemberFixtures.reader(members, "findme");
		long member = members.findByEmail(email).orElseThrow().id();

		Visitor.Page found = staff(MemberRole.EDITOR).get("/admin/newsletters/members?email=" + email);

		assertThat(found.status()).isEqualTo(303);
		assertThat(found.header("Location")).endsWith("/admin/members/" + member + "/newsletters");
		assertThat(staff(MemberRole.EDITOR).get("/admin/newsletters/members?email=nobody%40example.test").status())
			.isEqualTo(404);
	}

	@Test
	void anUnknownMemberIsNotFound() {
		assertThat(staff(MemberRole.EDITOR).get("/admin/members/999999999/newsletters").status()).isEqualTo(404);
	}

	@Test
	void aReaderCannotChangeAnotherMembersNewsletters() {
		Newsletter newsletter = NewsletterFixtures.newsletter(newsletters, "staff-guarded", false);
		long victim = members.findByEmail(MemberFixtures.reader(members, "victim")).orElseThrow().id();
		optIns.choose(victim, List.of(newsletter.id()));
		Visitor reader = new Visitor(port);
		reader.signIn(MemberFixtures.reader(members, "nosy"), MemberFixtures.PASSWORD);
		String path = "/admin/members/" + victim + "/newsletters";

		assertThat(reader.get(path).status()).isEqualTo(403);
		String csrf = reader.get("/account/newsletters").document().selectFirst("input[name=_csrf]").val();
		assertThat(reader.post(path, Map.of("_csrf", csrf)).status()).isEqualTo(403);
		assertThat(optIns.of(victim)).containsExactly(newsletter.id());
		assertThat(new Visitor(port).get(path).status()).isEqualTo(302);
	}

	private Visitor staff(MemberRole role) {
		Visitor visitor = new Visitor(port);
		visitor.signIn(MemberFixtures.account(members, role.name().toLowerCase(), role), MemberFixtures.PASSWORD);
		return visitor;
	}

}
