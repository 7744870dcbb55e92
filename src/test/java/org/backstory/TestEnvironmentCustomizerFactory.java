package org.backstory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.backstory.access.ScriptedHostResolver;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points every Spring test context at the shared {@link TestDatabase}, with demo content
 * seeded and a throw-away data directory, so no test touches {@code ./data}. Crawler
 * verification is on, with a ranges file of documentation addresses and a
 * {@link ScriptedHostResolver} in place of the DNS (requests without a crawler's user
 * agent never reach it). Passwords are hashed with Argon2 at its lowest cost: at the
 * production cost, hashing was over half the suite's CPU time (every sign-in, every
 * member created). Registered in {@code META-INF/spring.factories}.
 */
public class TestEnvironmentCustomizerFactory implements ContextCustomizerFactory {

	private static final Path DATA_DIR = createDataDir();

	private static final Path CRAWLER_RANGES = resource("/crawlers/googlebot.json");

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		OwnDatabase own = testClass.getAnnotation(OwnDatabase.class);
		return own == null ? new TestEnvironment("postgres", true) : new TestEnvironment(own.value(), own.demo());
	}

	private static Path createDataDir() {
		try {
			return Files.createTempDirectory("backstory-test-data");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path resource(String name) {
		try {
			return Path.of(TestEnvironmentCustomizerFactory.class.getResource(name).toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	record TestEnvironment(String database, boolean demo) implements ContextCustomizer {

		/**
		 * The shared data directory, or a directory of its own for a database of its own:
		 * mail ids are per database, and outbox files are named by them.
		 */
		private Path dataDir() {
			return "postgres".equals(database) ? DATA_DIR : DATA_DIR.resolve(database);
		}

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			TestPropertyValues.of("backstory.database.url=" + TestDatabase.url(database),
					"backstory.database.username=" + TestDatabase.username(),
					"backstory.database.password=" + TestDatabase.password(), "backstory.data-dir=" + dataDir(),
					"backstory.demo=" + demo, "db-scheduler.polling-interval=1s", "db-scheduler.shutdown-max-wait=2s",
					// The import tests serve feature images from a loopback server.
					"backstory.imports.private-image-hosts=true",
					// Webhook tests run their receiver on loopback; every other
					// private range stays refused.
					"backstory.webhooks.allowed-networks=127.0.0.1/32", "backstory.crawlers.verified=google,bing",
					"backstory.crawlers.ranges=" + CRAWLER_RANGES,
					// Tests scrape the metrics as Prometheus would.
					"backstory.metrics.token=" + MetricsScrape.TOKEN)
				.applyTo(context);
			GenericApplicationContext beans = (GenericApplicationContext) context;
			beans.registerBean(ScriptedHostResolver.class, definition -> definition.setPrimary(true));
			beans.registerBean("lowCostPasswordEncoder", PasswordEncoder.class, TestEnvironment::lowCostPasswordEncoder,
					definition -> definition.setPrimary(true));
		}

		/**
		 * The application's encoder with Argon2's cost (memory, passes) at its minimum.
		 * Each hash names its parameters, so hashes of either cost verify with both.
		 */
		private static PasswordEncoder lowCostPasswordEncoder() {
			return new DelegatingPasswordEncoder("argon2", Map.of("argon2", new Argon2PasswordEncoder(16, 32, 1, 8, 1),
					"bcrypt", new BCryptPasswordEncoder()));
		}

	}

}
