package org.backstory.publishing;

import java.util.List;

import org.backstory.shared.StartRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the search configuration ({@code publishing.search}) in the publication's
 * language. At start-up, when {@code BACKSTORY_SEARCH_LANGUAGE} names another language
 * than the one the vectors were built with, it switches the configuration's stemmer and
 * recomputes every article's search vectors, in one transaction under an advisory lock
 * (so two nodes starting together do it once). Recomputing costs about as much as saving
 * every article once.
 */
@Component
class SearchLanguage implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(SearchLanguage.class);

	private final SearchSettingsRepository repository;

	private final TransactionTemplate transactions;

	private final SearchProperties properties;

	SearchLanguage(SearchSettingsRepository repository, TransactionTemplate transactions, SearchProperties properties) {
		this.repository = repository;
		this.transactions = transactions;
		this.properties = properties;
	}

	@Override
	public void afterPropertiesSet() {
		String language = properties.language().strip();
		if (!available().contains(language)) {
			throw new StartRefused("BACKSTORY_SEARCH_LANGUAGE=" + language + " is not a language PostgreSQL can stem.",
					"Set BACKSTORY_SEARCH_LANGUAGE to one of: " + String.join(", ", available()) + ".");
		}
		apply(language);
	}

	/** The languages this PostgreSQL can stem, and {@code simple} (no stemming). */
	List<String> available() {
		return repository.available();
	}

	/** The language the vectors are built with now. */
	String current() {
		return repository.current();
	}

	/**
	 * Switches to {@code language} (one of {@link #available()}) and recomputes the
	 * vectors, unless already there.
	 */
	void apply(String language) {
		if (!available().contains(language)) {
			throw new IllegalArgumentException("no stemmer for " + language);
		}
		transactions.executeWithoutResult(status -> {
			String current = repository.lockCurrent();
			if (current.equals(language)) {
				return;
			}
			int articles = repository.switchTo(language);
			log.info("Search language changed from={} to={} articlesRecomputed={}", current, language, articles);
		});
	}

}
