package org.backstory.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.backstory.BackstoryApplication;
import org.backstory.TestDatabase;
import org.backstory.Visitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Real starts of the app as a public site (a base URL other than localhost; the server
 * itself still listens on loopback only). The class is a Spring test so that the shared
 * test database holds the demo accounts, seeded with the published password by the shared
 * (local) test context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class PublicStartIntegrationTests {

	@TempDir
	Path dataDir;

	@Test
	void aPublicStartRefusesWhileDemoAccountsHaveThePublishedPassword(CapturedOutput output) {
		Throwable failure = catchThrowable(() -> start(TestDatabase.url(), "https://news.example.test").close());

		assertThat(failure).isNotNull();
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Backstory will not start because this site is public (BACKSTORY_BASE_URL is "
					+ "https://news.example.test) and the demo accounts owner@demo.test, admin@demo.test")
			.contains(" still have the published password 'demo-password': start a real publication on an empty "
					+ "database (a new BACKSTORY_DATA_DIR or BACKSTORY_DATABASE_URL), or start this one locally and "
					+ "change those passwords first.")
			.doesNotContain("Application run failed")
			.doesNotContain("\tat org.springframework");
	}

	@Test
	void demoContentAskedForOnAPublicSiteGetsRandomPasswordsShownOnce(CapturedOutput output) {
		// Only this start's lines: the shared test context may have started (and seeded
		// locally) in this test too.
		int before = output.getAll().length();
		try (ConfigurableApplicationContext app = start(TestDatabase.url("public_demo"), "http://news.example.test",
				"--backstory.demo=true")) {
			int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
			String log = output.getAll().substring(before);
			Matcher owner = Pattern.compile("owner@demo\\.test  ([A-Za-z0-9_-]{20})").matcher(log);
			assertThat(owner.find()).as("the owner's password in the log").isTrue();
			assertThat(log).contains("reader@demo.test  ").doesNotContain("password 'demo-password'");

			assertThat(new Visitor(port).signIn("owner@demo.test", "demo-password").header("Location"))
				.contains("error");
			Visitor signedIn = new Visitor(port);
			assertThat(signedIn.signIn("owner@demo.test", owner.group(1)).header("Location")).doesNotContain("error");
			assertThat(signedIn.get("/admin/staff").status()).isEqualTo(200);
		}
	}

	private ConfigurableApplicationContext start(String databaseUrl, String baseUrl, String... more) {
		String[] args = { "--backstory.database.url=" + databaseUrl,
				"--backstory.database.username=" + TestDatabase.username(),
				"--backstory.database.password=" + TestDatabase.password(), "--backstory.data-dir=" + dataDir,
				"--backstory.base-url=" + baseUrl, "--server.port=0", "--db-scheduler.polling-interval=1s",
				"--db-scheduler.shutdown-max-wait=2s" };
		String[] all = Stream.concat(Arrays.stream(args), Arrays.stream(more)).toArray(String[]::new);
		return new SpringApplicationBuilder(BackstoryApplication.class).run(all);
	}

}
