package org.backstory.publishing;

import java.util.concurrent.atomic.AtomicReference;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and changes the publication's settings. Every page needs them, so they are held in memory and
 * reloaded when changed through this service.
 */
@Service
public class PublicationService {

	private final JdbcClient jdbc;

	private final AtomicReference<Publication> cached = new AtomicReference<>();

	PublicationService(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The current settings. */
	public Publication publication() {
		Publication publication = cached.get();
		if (publication == null) {
			publication = load();
			cached.set(publication);
		}
		return publication;
	}

	/** Replaces the settings; the database checks lengths and the colour format. */
	@Transactional
	public void update(Publication publication) {
		jdbc.sql("""
				update publishing.publication
				set name = :name, tagline = :tagline, accent_color = :accent, logo_url = :logo, updated_at = now()
				""")
			.param("name", publication.name())
			.param("tagline", publication.tagline())
			.param("accent", publication.accentColor())
			.param("logo", publication.logoUrl())
			.update();
		cached.set(null);
	}

	private Publication load() {
		return jdbc.sql("select name, tagline, accent_color, logo_url from publishing.publication")
			.query((rs, row) -> new Publication(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.single();
	}

}
