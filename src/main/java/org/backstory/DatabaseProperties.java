package org.backstory;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the data lives. With no {@code url} the app starts its own PostgreSQL under
 * {@code backstory.data-dir}; with one ({@code BACKSTORY_DATABASE_URL}) it uses that
 * server.
 */
@ConfigurationProperties("backstory.database")
record DatabaseProperties(@Nullable String url, @Nullable String username, @Nullable String password,
		@DefaultValue("16") int poolSize) {

	boolean embedded() {
		return url == null || url.isBlank();
	}

}
