package org.backstory.admin.members.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberRole;
import org.backstory.members.MemberRoster;
import org.backstory.members.NewAccount;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The member list sorts by joining, newest or oldest first, on the server; a column it
 * does not sort by gives the usual newest first; the Joined header says the order. The
 * other columns and paging in each order: {@link MemberListColumnSortIntegrationTests}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MemberListSortIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory directory;

	@Autowired
	MemberRoster roster;

	@Autowired
	JdbcClient jdbc;

	private Staff editor;

	private String label;

	private final List<String> emails = List.of("first", "second", "third")
		.stream()
		.map(name -> name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test")
		.toList();

	@BeforeEach
	void threeMembers() {
		editor = Staff.signedIn(port, directory, MemberRole.EDITOR);
		label = "sort-" + UUID.randomUUID().toString().substring(0, 8);
		for (String email : emails) {
			long id = directory.createAccount(new NewAccount(email, "Sorted", null, MemberRole.MEMBER, false));
			roster.addLabel(editor.id(), id, label);
		}
	}

	@AfterEach
	void removeThem() {
		jdbc.sql("delete from members.member where email = any(:emails)")
			.param("emails", emails.toArray(String[]::new))
			.update();
	}

	private Document list(String sort) {
		return editor.visitor().get("/admin/members?label=" + label + sort).document();
	}

	private static List<String> shown(Document page) {
		return page.select("tr.member-row .member-email").eachText();
	}

	@Test
	void newestFirstByDefaultAndOldestFirstWhenAsked() {
		assertThat(shown(list(""))).containsExactly(emails.get(2), emails.get(1), emails.get(0));
		assertThat(shown(list("&sort=joined&dir=asc"))).containsExactly(emails.get(0), emails.get(1), emails.get(2));
		assertThat(shown(list("&sort=joined&dir=desc"))).containsExactly(emails.get(2), emails.get(1), emails.get(0));
	}

	@Test
	void anythingElseGivesNewestFirst() {
		assertThat(shown(list("&sort=newsletters&dir=asc"))).containsExactly(emails.get(2), emails.get(1),
				emails.get(0));
		assertThat(shown(list("&sort=joined&dir=up"))).containsExactly(emails.get(2), emails.get(1), emails.get(0));
	}

	@Test
	void theJoinedHeaderSaysTheOrderAndFlipsIt() {
		Document newest = list("");
		assertThat(newest.selectFirst("th[aria-sort]").text()).startsWith("Joined");
		assertThat(newest.selectFirst("th[aria-sort]").attr("aria-sort")).isEqualTo("descending");
		assertThat(newest.selectFirst("th[aria-sort] a").attr("href"))
			.isEqualTo("/admin/members?label=" + label + "&sort=joined&dir=asc");

		Document oldest = list("&sort=joined&dir=asc");
		assertThat(oldest.selectFirst("th[aria-sort]").attr("aria-sort")).isEqualTo("ascending");
		assertThat(oldest.select("form.member-filters input[name=dir]").attr("value")).isEqualTo("asc");
	}

}
