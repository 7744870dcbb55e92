package org.backstory.newsletters.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import org.backstory.Visitor;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.backstory.newsletters.SuppressionReason;
import org.backstory.newsletters.Suppressions;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SuppressionAdminIntegrationTests {

	static final String PATH = "/admin/newsletters/suppressions";

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory directory;

	@Autowired
	Suppressions suppressions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void staffSeeTheNewestSuppressionFirstWithItsReasonAndDetail() {
		String address = MemberFixtures.uniqueEmail("listed");
		suppressions.suppress(address, SuppressionReason.COMPLAINT, "feedback loop report");

		Visitor.Page page = staff(MemberRole.EDITOR).get(PATH);

		assertThat(page.status()).isEqualTo(200);
		Document document = page.document();
		assertThat(document.select("table.suppressions tbody tr").first().select("td").eachText()).startsWith(address,
				"marked as spam", "feedback loop report");
	}

	@Test
	void staffRemoveASuppression() {
		String address = MemberFixtures.uniqueEmail("removed");
		suppressions.suppress(address, SuppressionReason.BOUNCE, "550");
		suppressions.recordHardFailure(address, "550");
		Visitor staff = staff(MemberRole.OWNER);
		Visitor.Page list = staff.get(PATH);
		String csrf = list.document().select("input[name=_csrf]").first().attr("value");

		Visitor.Page removed = staff.post(PATH + "/remove", Map.of("_csrf", csrf, "address", address));

		assertThat(removed.status()).isEqualTo(303);
		assertThat(suppressions.isSuppressed(address)).isFalse();
		assertThat(suppressions.recordHardFailure(address, "550")).as("the failure count starts afresh").isFalse();
		Visitor.Page after = staff.get(PATH);
		assertThat(after.document().select(".notice").text()).isEqualTo(address + " gets newsletters again.");
		assertThat(after.body()).doesNotContain("<td>" + address + "</td>");
	}

	@Test
	void theListShowsFiftyAddressesAPage() {
		Instant longAgo = Instant.parse("2001-01-01T00:00:00Z");
		String oldest = "0-oldest-" + MemberFixtures.uniqueEmail("paged");
		for (int i = 0; i < 51; i++) {
			jdbc.sql(
					"insert into newsletters.suppression (address_key, reason, detail, created_at) values (:key, 'bounce', '', :at)")
				.param("key", i == 0 ? oldest : MemberFixtures.uniqueEmail("paged-" + i))
				.param("at", Timestamp.from(longAgo.plusSeconds(i)))
				.update();
		}
		Visitor staff = staff(MemberRole.EDITOR);

		Document first = staff.get(PATH).document();
		String older = first.select("a[rel=next]").attr("href");
		long pages = (suppressions.count() + 49) / 50;
		Visitor.Page lastPage = staff.get(PATH + "?page=" + pages);

		assertThat(first.select("table.suppressions tbody tr")).hasSize(50);
		assertThat(older).isEqualTo(PATH + "?page=2");
		assertThat(staff.get(older).document().select("table.suppressions tbody tr")).isNotEmpty();
		assertThat(lastPage.document().select("table.suppressions tbody tr").last().select("td").first().text())
			.isEqualTo(oldest);
	}

	@Test
	void readersMayNotSeeTheList() {
		assertThat(staff(MemberRole.MEMBER).get(PATH).status()).isEqualTo(403);
	}

	@Test
	void theAdminPageLinksToTheList() {
		Visitor.Page admin = staff(MemberRole.EDITOR).get("/admin");

		assertThat(admin.document().select("a[href=" + PATH + "]").text()).isEqualTo("Suppressed addresses");
	}

	private Visitor staff(MemberRole role) {
		String email = MemberFixtures.account(directory, "suppression-" + role.name().toLowerCase(), role);
		Visitor visitor = new Visitor(port);
		visitor.signIn(email, MemberFixtures.PASSWORD);
		return visitor;
	}

}
