package org.backstory.shared;

import java.net.URI;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * App-wide settings.
 *
 * @param baseUrl the public address readers use, for links in mail and feeds
 * ({@code BACKSTORY_BASE_URL})
 * @param dataDir where the embedded database and the dev mail outbox live
 * ({@code BACKSTORY_DATA_DIR})
 * @param demo {@code true} seeds demo content into an empty database, {@code false} never
 * does, unset seeds only an empty embedded database ({@code BACKSTORY_DEMO})
 */
@ConfigurationProperties("backstory")
public record BackstoryProperties(@DefaultValue("http://localhost:8080") URI baseUrl,
		@DefaultValue("./data") Path dataDir, @Nullable Boolean demo) {

	/** Whether cookies must carry the Secure attribute. */
	public boolean secure() {
		return "https".equalsIgnoreCase(baseUrl.getScheme());
	}

	/** An absolute link to a path of this site, for mail and feeds. */
	public String link(String path) {
		String base = baseUrl.toString();
		return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
	}

}
