package org.backstory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.backstory.shared.BackstoryProperties;
import org.backstory.shared.DatabaseMode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One DataSource for the whole app: the external PostgreSQL when one is configured,
 * otherwise the {@link EmbeddedDatabase}.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

	@Bean
	DatabaseMode databaseMode(DatabaseProperties database) {
		return new DatabaseMode(database.embedded());
	}

	/**
	 * On the embedded server {@link EmbeddedDatabaseEarlyStart} began starting, when it
	 * did.
	 */
	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(DatabaseProperties database, BackstoryProperties backstory,
			ObjectProvider<EmbeddedDatabaseLaunch> launch) throws IOException {
		EmbeddedDatabaseLaunch started = launch.getIfAvailable();
		if (started != null && database.embedded()) {
			return onEmbedded(config(database), started.take());
		}
		return open(database, backstory.dataDir());
	}

	/**
	 * A pool on the configured database, starting the embedded server in {@code dataDir}
	 * when no external one is configured; closing the pool stops it.
	 */
	static HikariDataSource open(DatabaseProperties database, Path dataDir) throws IOException {
		HikariConfig config = config(database);
		if (database.embedded()) {
			return onEmbedded(config, startEmbedded(dataDir));
		}
		config.setJdbcUrl(database.url());
		config.setUsername(database.username());
		config.setPassword(database.password());
		return new HikariDataSource(config);
	}

	static EmbeddedDatabase startEmbedded(Path dataDir) throws IOException {
		log.info("Starting embedded PostgreSQL dataDirectory={}", dataDir.resolve("postgres").toAbsolutePath());
		EmbeddedDatabase server = EmbeddedDatabase.start(dataDir);
		log.info("Embedded PostgreSQL ready url={} user={} passwordFile={}", server.jdbcUrl(), server.username(),
				dataDir.resolve(EmbeddedDatabase.PASSWORD_FILE).toAbsolutePath());
		return server;
	}

	private static HikariDataSource onEmbedded(HikariConfig config, EmbeddedDatabase server) {
		config.setJdbcUrl(server.jdbcUrl());
		config.setUsername(server.username());
		config.setPassword(server.password());
		return new EmbeddedBackedDataSource(config, server);
	}

	/**
	 * A pool for a command run beside the site: on the embedded server the site already
	 * runs in {@code dataDir}, if it does (one cluster admits one server), else as
	 * {@link #open}.
	 */
	static HikariDataSource openBeside(DatabaseProperties database, Path dataDir) throws IOException {
		if (database.embedded()) {
			Optional<EmbeddedDatabase.Running> running = EmbeddedDatabase.running(dataDir);
			if (running.isPresent()) {
				HikariConfig config = config(database);
				config.setJdbcUrl(running.get().jdbcUrl());
				config.setUsername(EmbeddedClusterLockdown.APP_ROLE);
				config.setPassword(running.get().password());
				return new HikariDataSource(config);
			}
		}
		return open(database, dataDir);
	}

	private static HikariConfig config(DatabaseProperties database) {
		HikariConfig config = new HikariConfig();
		config.setPoolName("backstory");
		config.setMaximumPoolSize(database.poolSize());
		return config;
	}

	/** Stops the embedded server after the pool has closed its connections. */
	static final class EmbeddedBackedDataSource extends HikariDataSource {

		private final EmbeddedDatabase server;

		EmbeddedBackedDataSource(HikariConfig config, EmbeddedDatabase server) {
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
