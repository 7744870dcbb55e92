package org.backstory.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.backstory.Visitor;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The side navigation of every admin page shows exactly the areas each staff role may
 * open (as the URL rules in the security configuration allow), marks the area being
 * looked at, and leads nowhere the role is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminNavigationIntegrationTests {

	private static final Map<MemberRole, List<String>> AREAS = new EnumMap<>(Map.of(MemberRole.CONTRIBUTOR,
			List.of("Overview", "Articles"), MemberRole.AUTHOR, List.of("Overview", "Articles"), MemberRole.EDITOR,
			List.of("Overview", "Articles", "Storylines", "Tags", "Members", "Newsletters"), MemberRole.ADMINISTRATOR,
			List.of("Overview", "Articles", "Storylines", "Tags", "Members", "Newsletters", "Billing", "Dashboard",
					"Settings"),
			MemberRole.OWNER, List.of("Overview", "Articles", "Storylines", "Tags", "Members", "Newsletters", "Billing",
					"Dashboard", "Settings", "Staff")));

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory directory;

	private final Map<MemberRole, Visitor> visitors = new EnumMap<>(MemberRole.class);

	@ParameterizedTest
	@EnumSource(value = MemberRole.class, names = "MEMBER", mode = EnumSource.Mode.EXCLUDE)
	void eachRoleSeesExactlyTheAreasItMayOpen(MemberRole role) {
		Document page = as(role).get("/admin/articles").document();

		assertThat(page.select("nav.admin-nav a").eachText()).as(role.name()).isEqualTo(AREAS.get(role));
	}

	@ParameterizedTest
	@EnumSource(value = MemberRole.class, names = "MEMBER", mode = EnumSource.Mode.EXCLUDE)
	void everyAreaShownOpensForTheRole(MemberRole role) {
		Visitor visitor = as(role);
		for (Element link : visitor.get("/admin").document().select("nav.admin-nav a")) {
			assertThat(visitor.get(link.attr("href")).status()).as(role + " " + link.attr("href")).isEqualTo(200);
		}
	}

	@Test
	void theAreaOfThePageIsMarkedCurrent() {
		Visitor owner = as(MemberRole.OWNER);

		assertThat(owner.get("/admin/members").document().select("nav.admin-nav a[aria-current]").eachText())
			.containsExactly("Members");
		assertThat(owner.get("/admin/members").document().select("nav.admin-nav a[aria-current=page]").eachText())
			.containsExactly("Members");
		assertThat(owner.get("/admin/newsletters/sends").document().select("nav.admin-nav a[aria-current]").eachText())
			.containsExactly("Newsletters");
		assertThat(owner.get("/admin").document().select("nav.admin-nav a[aria-current=page]").eachText())
			.containsExactly("Overview");
	}

	@Test
	void everyAdminPageHasTheAppLayoutAndReaderPagesDoNot() {
		Visitor owner = as(MemberRole.OWNER);
		for (String path : List.of("/admin", "/admin/articles", "/admin/articles/new", "/admin/members", "/admin/tags",
				"/admin/storylines", "/admin/newsletters", "/admin/billing", "/admin/dashboard", "/admin/settings",
				"/admin/staff", "/admin/audit", "/admin/two-factor", "/admin/webhooks")) {
			Document page = owner.get(path).document();
			assertThat(page.select("nav.admin-nav")).as(path).hasSize(1);
			assertThat(page.select("link[rel=stylesheet][href=/assets/admin.css]")).as(path).hasSize(1);
		}
		assertThat(owner.get("/").document().select("nav.admin-nav")).isEmpty();
		assertThat(owner.get("/account").document().select("nav.admin-nav")).isEmpty();
	}

	private Visitor as(MemberRole role) {
		return visitors.computeIfAbsent(role, r -> {
			Visitor visitor = new Visitor(port);
			visitor.signIn(MemberFixtures.account(directory, "nav-" + r.name().toLowerCase(), r),
					MemberFixtures.PASSWORD);
			return visitor;
		});
	}

}
