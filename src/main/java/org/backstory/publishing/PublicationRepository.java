package org.backstory.publishing;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The publication's settings row, behind {@link PublicationService}.
 */
@Component
class PublicationRepository {

	private final JdbcClient jdbc;

	PublicationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	HouseLabels labels() {
		return jdbc.sql("select background_label, now_label from publishing.publication")
			.query((rs, row) -> new HouseLabels(rs.getString(1), rs.getString(2)))
			.single();
	}

	void setLabels(HouseLabels labels) {
		jdbc.sql("update publishing.publication set background_label = ?, now_label = ?, updated_at = now()")
			.params(labels.background(), labels.now())
			.update();
	}

	/** Replaces the settings; the database checks lengths and the colour format. */
	void update(Publication publication) {
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
	}

	Publication load() {
		return jdbc.sql("""
				select name, tagline, accent_color, logo_url, legal_name, postal_address from publishing.publication
				""")
			.query((rs, row) -> new Publication(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6)))
			.single();
	}

}
