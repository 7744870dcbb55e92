package org.backstory.publishing;

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

	private final PublicationRepository repository;

	private final CatalogCache cache;

	private final FormattedArticles formatted;

	PublicationService(PublicationRepository repository, CatalogCache cache, FormattedArticles formatted) {
		this.repository = repository;
		this.cache = cache;
		this.formatted = formatted;
	}

	/** The labels of the house format's two sections. */
	public HouseLabels labels() {
		return cache.get(LABELS_KEY, repository::labels);
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
		repository.setLabels(labels);
		int rendered = formatted.renderAgain(labels);
		cache.invalidate();
		return rendered;
	}

	/** The current settings. */
	public Publication publication() {
		return cache.get(CACHE_KEY, repository::load);
	}

	/**
	 * Replaces the settings, legal details included; the database checks lengths and the
	 * colour format.
	 */
	@Transactional
	public void update(Publication publication) {
		repository.update(publication);
		cache.invalidate();
	}

}
