package org.backstory;

import java.io.IOException;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.backstory.shared.BackstoryProperties;
import org.backstory.shared.DatabaseMode;
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

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(DatabaseProperties database, BackstoryProperties backstory, DatabaseMode mode)
			throws IOException {
		HikariConfig config = new HikariConfig();
		config.setPoolName("backstory");
		config.setMaximumPoolSize(database.poolSize());
		if (mode.embedded()) {
			log.info("Starting embedded PostgreSQL dataDirectory={}",
					backstory.dataDir().resolve("postgres").toAbsolutePath());
			EmbeddedDatabase server = EmbeddedDatabase.start(backstory.dataDir());
			log.info("Embedded PostgreSQL ready url={} user={} passwordFile={}", server.jdbcUrl(), server.username(),
					backstory.dataDir().resolve(EmbeddedDatabase.PASSWORD_FILE).toAbsolutePath());
			config.setJdbcUrl(server.jdbcUrl());
			config.setUsername(server.username());
			config.setPassword(server.password());
			return new EmbeddedBackedDataSource(config, server);
		}
		config.setJdbcUrl(database.url());
		config.setUsername(database.username());
		config.setPassword(database.password());
		return new HikariDataSource(config);
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
