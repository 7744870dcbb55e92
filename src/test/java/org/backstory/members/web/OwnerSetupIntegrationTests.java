package org.backstory.members.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.backstory.BackstoryApplication;
import org.backstory.TestDatabase;
import org.backstory.Visitor;
import org.backstory.admin.AdminProbe;
import org.backstory.admin.AdminProbe.AuditEntry;
import org.backstory.email.SentMail;
import org.backstory.members.account.OwnerSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The first start of a real publication: no demo, no owner. Each test starts the app on a
 * database of its own, since creating the owner is something a database lets happen once.
 */
@ExtendWith(OutputCaptureExtension.class)
class OwnerSetupIntegrationTests {

	private static final Pattern SETUP_LINK = Pattern
		.compile("http://localhost:\\d+(/setup\\?token=[A-Za-z0-9_-]{43})");

	@TempDir
	Path dataDir;

	@Test
	void theSetupLinkFromTheStartLogCreatesTheOwnerOnceAndThenStopsWorking(CapturedOutput output) {
		try (ConfigurableApplicationContext app = start("owner_setup_link")) {
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			Matcher printed = SETUP_LINK.matcher(output.getAll());
			assertThat(printed.find()).as("a setup link in the start-up log").isTrue();
			String firstLink = printed.group(1);
			String link = "/setup?token=" + app.getBean(OwnerSetup.class).atStart().orElseThrow();
			Visitor operator = visitor(app);
			assertThat(operator.get(firstLink).status()).as("a later start's link replaces it").isEqualTo(410);
			assertThat(operator.get(link).status()).isEqualTo(200);

			Visitor.Page weak = operator.submit(link, "/setup",
					Map.of("name", "Nadia Owner", "email", "nadia@example.test", "password", "short"));
			assertThat(weak.status()).isEqualTo(422);
			assertThat(weak.document().select(".error").text()).contains("at least 10 characters");
			Visitor.Page created = operator.submit(link, "/setup",
					Map.of("name", "Nadia Owner", "email", "nadia@example.test", "password", "a long owner password"));

			assertThat(created.status()).isEqualTo(302);
			assertThat(created.header("Location")).endsWith("/admin");
			assertThat(operator.get("/admin/staff").status()).as("signed in as the owner").isEqualTo(200);
			assertThat(jdbc.sql("select role || ' ' || (email_verified_at is not null) from members.member")
				.query(String.class)
				.list()).containsExactly("OWNER true");
			assertThat(AdminProbe.allEntries(jdbc).stream().map(AuditEntry::action))
				.containsExactly("staff.owner-created");
			assertThat(SentMail.lastTo(jdbc, "nadia@example.test").subject()).startsWith("You are the owner of");
			assertThat(new Visitor(port(app)).signIn("nadia@example.test", "a long owner password").header("Location"))
				.doesNotContain("error");

			Visitor.Page again = new Visitor(port(app)).get(link);
			assertThat(again.status()).isEqualTo(410);
			assertThat(again.body()).contains("has an owner already");
			assertThat(app.getBean(OwnerSetup.class).atStart()).as("no new link once there is an owner").isEmpty();
			assertThat(new Visitor(port(app)).get("/setup?token=" + "A".repeat(43)).status()).isEqualTo(410);
			Visitor.Page secondOwner = StaffFixtures.post(new Visitor(port(app)), "/setup",
					Map.of("token", link.substring("/setup?token=".length()), "name", "Mallory", "email",
							"mallory@example.test", "password", "another long password"));
			assertThat(secondOwner.status()).isEqualTo(410);
			assertThat(jdbc.sql("select count(*) from members.member").query(Long.class).single()).isEqualTo(1);
		}
	}

	@Test
	void theOwnerEmailVariableCreatesTheOwnerAndMailsOneSetPasswordLink(CapturedOutput output) {
		try (ConfigurableApplicationContext app = start("owner_setup_email",
				"--backstory.setup.owner-email=boss@example.test")) {
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			assertThat(output).doesNotContain("/setup?token=");
			assertThat(
					jdbc.sql("select role || ' ' || (password_hash is null) from members.member where email = :email")
						.param("email", "boss@example.test")
						.query(String.class)
						.single())
				.isEqualTo("OWNER true");
			assertThat(SentMail.countTo(jdbc, "boss@example.test")).isEqualTo(1);

			app.getBean(OwnerSetup.class).atStart();
			app.getBean(OwnerSetup.class).atStart();
			assertThat(SentMail.countTo(jdbc, "boss@example.test")).as("restarts while the link works").isEqualTo(1);

			String link = SentMail.lastTo(jdbc, "boss@example.test").path("/password/reset");
			Visitor owner = visitor(app);
			Visitor.Page saved = owner.submit(link, "/password/reset", Map.of("password", "the owner's own password"));

			assertThat(saved.status()).isEqualTo(302);
			assertThat(owner.get("/admin/staff").status()).as("signed in as the owner").isEqualTo(200);
			assertThat(
					new Visitor(port(app)).signIn("boss@example.test", "the owner's own password").header("Location"))
				.doesNotContain("error");
			assertThat(new Visitor(port(app)).get(link).status()).as("the link works once").isEqualTo(410);
			app.getBean(OwnerSetup.class).atStart();
			assertThat(SentMail.countTo(jdbc, "boss@example.test")).as("no link once a password is set").isEqualTo(1);
		}
	}

	private ConfigurableApplicationContext start(String database, String... more) {
		String[] args = { "--backstory.database.url=" + TestDatabase.url(database),
				"--backstory.database.username=" + TestDatabase.username(),
				"--backstory.database.password=" + TestDatabase.password(), "--backstory.data-dir=" + dataDir,
				"--backstory.demo=false", "--server.port=0", "--db-scheduler.polling-interval=1s",
				"--db-scheduler.shutdown-max-wait=2s" };
		return new SpringApplicationBuilder(BackstoryApplication.class)
			.run(Stream.concat(Arrays.stream(args), Arrays.stream(more)).toArray(String[]::new));
	}

	private static Visitor visitor(ConfigurableApplicationContext app) {
		return new Visitor(port(app));
	}

	private static int port(ConfigurableApplicationContext app) {
		return app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

}
