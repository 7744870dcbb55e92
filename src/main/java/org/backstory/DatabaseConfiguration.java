package org.backstory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;


import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.backstory.shared.BackstoryProperties;
import org.backstory.shared.DatabaseMode;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One DataSource for the whole app: the external PostgreSQL when one is configured, otherwise an
 * embedded PostgreSQL whose cluster lives in {@code <data-dir>/postgres}, so a restart keeps everything.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

	@Bean
	DatabaseMode databaseMode(DatabaseProperties database) {
		return new DatabaseMode(database.embedded());
	}

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(DatabaseProperties database, BackstoryProperties backstory, DatabaseMode mode)
			throws IOException {
		HikariConfig config = new HikariConfig();
		config.setPoolName("backstory");
		config.setMaximumPoolSize(database.poolSize());
		if (mode.embedded()) {
			EmbeddedPostgres server = startEmbedded(backstory.dataDir().resolve("postgres"));
			config.setJdbcUrl(server.getJdbcUrl("postgres", "postgres"));
			config.setUsername("postgres");
			return new EmbeddedBackedDataSource(config, server);
		}
		config.setJdbcUrl(database.url());
		config.setUsername(database.username());
		config.setPassword(database.password());
		return new HikariDataSource(config);
	}

	private static EmbeddedPostgres startEmbedded(Path directory) throws IOException {
		Files.createDirectories(directory);
		log.info("Starting embedded PostgreSQL dataDirectory={}", directory.toAbsolutePath());
		return EmbeddedPostgres.builder()
			.setDataDirectory(directory)
			.setCleanDataDirectory(false)
			.setServerConfig("listen_addresses", "127.0.0.1")
			.start();
	}

	/** Stops the embedded server after the pool has closed its connections. */
	static final class EmbeddedBackedDataSource extends HikariDataSource {

		private final EmbeddedPostgres server;

		EmbeddedBackedDataSource(HikariConfig config, EmbeddedPostgres server) {
			super(config);
			this.server = server;
		}

		@Override
		public void close() {
			super.close();
			try {
				server.close();
			}
			catch (IOException ex) {
				log.warn("Embedded PostgreSQL did not stop cleanly", ex);
			}
		}

	}

}
