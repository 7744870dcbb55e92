package org.backstory.publishing;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and changes the publication's settings. Every page needs them, so they are held in the catalog's
 * cache, which forgets them when a change commits here and after a few seconds for changes made on other
 * nodes.
 */
@Service
public class PublicationService {

	private static final Object CACHE_KEY = Publication.class;

	private final JdbcClient jdbc;

	private final CatalogCache cache;

	PublicationService(JdbcClient jdbc, CatalogCache cache) {
		this.jdbc = jdbc;
		this.cache = cache;
	}

	/** The current settings. */
	public Publication publication() {
		return cache.get(CACHE_KEY, this::load);
	}

	/**
	 * Replaces the settings, legal details included; the database checks lengths and the colour format.
	 */
	@Transactional
	public void update(Publication publication) {
		jdbc.sql("""
				update publishing.publication
				set name = :name, tagline = :tagline, accent_color = :accent, logo_url = :logo, legal_name = :legalName,
				    postal_address = :postalAddress, updated_at = now()
				""")
			.param("name", publication.name())
			.param("tagline", publication.tagline())
			.param("accent", publication.accentColor())
			.param("logo", publication.logoUrl())
			.param("legalName", publication.legalName())
			.param("postalAddress", publication.postalAddress())
			.update();
		cache.invalidate();
	}

	private Publication load() {
		return jdbc.sql("""
				select name, tagline, accent_color, logo_url, legal_name, postal_address from publishing.publication
				""")
			.query((rs, row) -> new Publication(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6)))
			.single();
	}

}
