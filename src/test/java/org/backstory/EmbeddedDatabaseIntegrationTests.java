package org.backstory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.backstory.publishing.Publication;
import org.backstory.publishing.PublicationService;
import org.backstory.shared.DatabaseMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * With no database configured the app runs its own PostgreSQL under the data directory,
 * and keeps its data.
 */
@EmbeddedDatabaseOnly
class EmbeddedDatabaseIntegrationTests {

	@TempDir
	Path dataDir;

	@Test
	void keepsDataAcrossARestart() {
		try (ConfigurableApplicationContext first = start()) {
			assertThat(first.getBean(DatabaseMode.class).embedded()).isTrue();
			first.getBean(PublicationService.class)
				.update(new Publication("The Restart Gazette", "Still here", "#123456", null));
		}
		assertThat(Files.exists(dataDir.resolve("postgres/PG_VERSION"))).isTrue();

		try (ConfigurableApplicationContext second = start()) {
			assertThat(second.getBean(PublicationService.class).publication().name()).isEqualTo("The Restart Gazette");
		}
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(BackstoryApplication.class).run("--backstory.data-dir=" + dataDir,
				"--backstory.database.url=", "--backstory.demo=false", "--server.port=0");
	}

}
