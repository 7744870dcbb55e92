package org.backstory.publishing;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and changes the publication's settings. Every page needs them, so they are held
 * in the catalog's cache, which forgets them when a change commits here and after a few
 * seconds for changes made on other nodes.
 */
@Service
public class PublicationService {

	private static final Object CACHE_KEY = Publication.class;

	private static final Object LABELS_KEY = HouseLabels.class;

	private final JdbcClient jdbc;

	private final CatalogCache cache;

	private final FormattedArticles formatted;

	PublicationService(JdbcClient jdbc, CatalogCache cache, FormattedArticles formatted) {
		this.jdbc = jdbc;
		this.cache = cache;
		this.formatted = formatted;
	}

	/** The labels of the house format's two sections. */
	public HouseLabels labels() {
		return cache.get(LABELS_KEY,
				() -> jdbc.sql("select background_label, now_label from publishing.publication")
					.query((rs, row) -> new HouseLabels(rs.getString(1), rs.getString(2)))
					.single());
	}

	/**
	 * Changes the labels and renders every article in the house format again with them,
	 * in one transaction, so that every channel (pages, email, feeds, the APIs, the
	 * export, search) shows the new ones as soon as it commits. An article's
	 * {@code updated_at} is kept: its text did not change.
	 * @return how many articles were rendered again
	 */
	@Transactional
	public int changeLabels(HouseLabels labels) {
		jdbc.sql("update publishing.publication set background_label = ?, now_label = ?, updated_at = now()")
			.params(labels.background(), labels.now())
			.update();
		int rendered = formatted.renderAgain(labels);
		cache.invalidate();
		return rendered;
	}

	/** The current settings. */
	public Publication publication() {
		return cache.get(CACHE_KEY, this::load);
	}

	/**
	 * Replaces the settings, legal details included; the database checks lengths and the
	 * colour format.
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
