package org.backstory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.backstory.publishing.Publication;
import org.backstory.publishing.PublicationService;
import org.backstory.shared.DatabaseMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * With no database configured the app runs its own PostgreSQL under the data directory,
 * keeps its data, and leaves no server behind when its start fails (the server starts
 * beside the context, {@link EmbeddedDatabaseEarlyStart}).
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

	@Test
	void stopsItsPostgresWhenTheStartFails() throws Exception {
		assertThatThrownBy(() -> start("--backstory.proxies.trusted=not-an-address")).isNotNull();

		assertThat(Files.exists(dataDir.resolve("postgres/PG_VERSION"))).isTrue();
		assertThat(EmbeddedDatabase.running(dataDir)).isEmpty();
		assertThat(dataDir.resolve("postgres/postmaster.pid")).doesNotExist();
	}

	private ConfigurableApplicationContext start(String... more) {
		List<String> args = new ArrayList<>(List.of("--backstory.data-dir=" + dataDir, "--backstory.database.url=",
				"--backstory.demo=false", "--server.port=0"));
		args.addAll(List.of(more));
		return new SpringApplicationBuilder(BackstoryApplication.class).run(args.toArray(String[]::new));
	}

}
