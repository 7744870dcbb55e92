package org.backstory.admin.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import java.util.Optional;
import org.backstory.Visitor;
import org.backstory.access.AccessProbe;
import org.backstory.access.MeteringSettings;
import org.backstory.billing.BillingProbe;
import org.backstory.billing.GracePeriodSettings;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.backstory.publishing.Publication;
import org.backstory.publishing.PublicationService;
import org.backstory.publishing.SettableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The settings page. The database is shared, so each test puts back the settings it found
 * (the columns as stored, so an unset metering or grace period is unset again).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SettableClock.Configuration.class)
class SettingsIntegrationTests {

	private static final String PATH = "/admin/settings";

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory directory;

	@Autowired
	PublicationService publications;

	@Autowired
	MeteringSettings metering;

	@Autowired
	GracePeriodSettings grace;

	@Autowired
	JdbcClient jdbc;

	private Publication found;

	private Optional<Integer> storedMeteredReads;

	private Optional<Long> storedGracePeriod;

	private int storedAnonymousReads;

	@BeforeEach
	void knownSettings() {
		found = publications.publication();
		storedMeteredReads = AccessProbe.meteredReads(jdbc);
		storedGracePeriod = BillingProbe.gracePeriodSeconds(jdbc);
		storedAnonymousReads = metering.anonymousReadsPerMonth();
		metering.changeAnonymous(0);
		publications.update(new Publication("Backstory", "The story behind the news", "#b4233c", null, "", ""));
		metering.change(0);
		grace.change(Duration.ofDays(7));
	}

	@AfterEach
	void putBackTheSettingsFound() {
		publications.update(found);
		AccessProbe.putBackMeteredReads(jdbc, storedMeteredReads);
		BillingProbe.putBackGracePeriodSeconds(jdbc, storedGracePeriod);
		metering.changeAnonymous(storedAnonymousReads);
	}

	/**
	 * The anonymous meter (issue 16 §3) is off until staff set an allowance next to the
	 * member meter's; a form that leaves the field out keeps the allowance in force.
	 */
	@Test
	void anAdministratorTurnsTheAnonymousMeterOnBesideTheMemberMeter() {
		Visitor administrator = staff(MemberRole.ADMINISTRATOR);
		assertThat(administrator.get(PATH).document().select("input[name=anonymousReads]").val()).isEqualTo("0");
		Map<String, String> fields = new HashMap<>(valid());
		fields.put("anonymousReads", "3");

		Visitor.Page saved = administrator.submit(PATH, PATH, fields);
		Visitor.Page withoutTheField = administrator.submit(PATH, PATH, valid());

		assertThat(saved.status()).isEqualTo(303);
		assertThat(withoutTheField.status()).isEqualTo(303);
		assertThat(metering.anonymousReadsPerMonth()).isEqualTo(3);
		assertThat(administrator.follow(PATH).document().select("input[name=anonymousReads]").val()).isEqualTo("3");
	}

	@Test
	void anAdministratorChangesTheSettingsAndTheSiteShowsThem() {
		Visitor administrator = staff(MemberRole.ADMINISTRATOR);

		Visitor.Page saved = administrator.submit(PATH, PATH, valid());

		assertThat(saved.status()).isEqualTo(303);
		Visitor.Page home = new Visitor(port).get("/");
		assertThat(home.document().select("header .brand").text()).isEqualTo("Harbour Notes");
		assertThat(home.document().select("header .brand img").attr("src"))
			.isEqualTo("https://cdn.example.test/logo.png");
		assertThat(home.document().select("footer").text())
			.contains("Harbour Notes · Ports, ships and the people in between");
		String accent = home.document().select("head link[rel=stylesheet][href^=/assets/accent-]").attr("href");
		assertThat(accent).isEqualTo("/assets/accent-225588.css");
		assertThat(new Visitor(port).get(accent).body()).isEqualTo(":root { --accent: #225588; }\n");
		assertThat(metering.freeReadsPerMonth()).isEqualTo(2);
		assertThat(grace.gracePeriod()).isEqualTo(Duration.ofDays(3));
		Publication publication = publications.publication();
		assertThat(publication.legalName()).isEqualTo("Harbour Notes Ltd");
		assertThat(publication.postalAddress()).isEqualTo("1 Quay Street\nPortsmouth");
		Visitor.Page page = administrator.follow(PATH);
		assertThat(page.document().select(".notice").text()).isEqualTo("Settings saved.");
		assertThat(page.document().select("input[name=graceDays]").val()).isEqualTo("3");
		assertThat(page.document().select("input[name=freeReads]").val()).isEqualTo("2");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "accentColor | red | The accent colour must be a hex colour such as #b4233c.",
			"accentColor | #F5A623 | The accent colour is too light to read: white text on it and links in it reach 1.8:1, "
					+ "and need 4.5:1. #936315 is the nearest darker shade that does.",
			"name | '' | Enter the publication's name (at most 120 characters).",
			"graceDays | 61 | The grace period must be a whole number of days from 0 to 60.",
			"graceDays | -1 | The grace period must be a whole number of days from 0 to 60.",
			"freeReads | -3 | Free reads per month must be a whole number from 0 to 1000.",
			"anonymousReads | 101 | Free articles for readers who are not signed in must be a whole number from 0 to 100.",
			"logoUrl | javascript:alert(1) | The logo must be a web address (https://…) or a path on this site (/…)." })
	void badInputIsRefusedWith422AndNothingIsSaved(String field, String value, String message) {
		Visitor administrator = staff(MemberRole.ADMINISTRATOR);
		Map<String, String> fields = new HashMap<>(valid());
		fields.put(field, value);

		Visitor.Page refused = administrator.submit(PATH, PATH, fields);

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.document().select(".settings-form .error").eachText()).containsExactly(message);
		assertThat(refused.document().select("input[name=tagline]").val())
			.isEqualTo("Ports, ships and the people in between");
		assertThat(publications.publication().name()).isEqualTo("Backstory");
		assertThat(publications.publication().accentColor()).isEqualTo("#b4233c");
		assertThat(metering.freeReadsPerMonth()).isZero();
		assertThat(metering.anonymousReadsPerMonth()).isZero();
		assertThat(grace.gracePeriod()).isEqualTo(Duration.ofDays(7));
	}

	@Test
	void theOwnerSeesLinksToPlansStaffAndNewsletters() {
		Visitor.Page page = staff(MemberRole.OWNER).get(PATH);

		assertThat(page.document().select(".admin-links a").eachAttr("href")).containsExactly("/admin/settings/plans",
				"/admin/newsletters", "/admin/settings/newsletter-analytics", "/admin/settings/welcome",
				"/admin/staff");
		assertThat(staff(MemberRole.ADMINISTRATOR).get(PATH).document().select(".admin-links a").eachAttr("href"))
			.containsExactly("/admin/newsletters", "/admin/settings/welcome");
	}

	@Test
	void administratorsAndAboveMayUseSettingsAndEditorsMayNot() {
		Visitor editor = staff(MemberRole.EDITOR);

		assertThat(staff(MemberRole.ADMINISTRATOR).get(PATH).status()).isEqualTo(200);
		assertThat(staff(MemberRole.OWNER).get(PATH).status()).isEqualTo(200);
		assertThat(editor.get(PATH).status()).isEqualTo(403);
		assertThat(editor.post(PATH, valid()).status()).isEqualTo(403);
		Visitor.Page anonymous = new Visitor(port).get(PATH);
		assertThat(anonymous.status()).isEqualTo(302);
		assertThat(anonymous.header("Location")).contains("/login");
		assertThat(publications.publication().name()).isEqualTo("Backstory");
	}

	@Test
	void theAdminPageLinksToSettingsForAdministrators() {
		assertThat(staff(MemberRole.ADMINISTRATOR).get("/admin")
			.document()
			.select("ul.admin-links a[href=/admin/settings]")).hasSize(1);
		assertThat(staff(MemberRole.EDITOR).get("/admin").document().select("a[href=/admin/settings]")).isEmpty();
	}

	private static Map<String, String> valid() {
		return Map.of("name", "Harbour Notes", "tagline", "Ports, ships and the people in between", "logoUrl",
				"https://cdn.example.test/logo.png", "accentColor", "#225588", "legalName", "Harbour Notes Ltd",
				"postalAddress", "1 Quay Street\r\nPortsmouth", "freeReads", "2", "graceDays", "3");
	}

	private Visitor staff(MemberRole role) {
		String email = MemberFixtures.account(directory, role.name().toLowerCase(), role);
		Visitor visitor = new Visitor(port);
		visitor.signIn(email, MemberFixtures.PASSWORD);
		return visitor;
	}

}
