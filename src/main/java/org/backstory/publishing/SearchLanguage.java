package org.backstory.publishing;

import java.util.List;

import org.backstory.shared.StartRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
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

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final SearchProperties properties;

	SearchLanguage(JdbcClient jdbc, TransactionTemplate transactions, SearchProperties properties) {
		this.jdbc = jdbc;
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
		return jdbc.sql("""
				select replace(dictname, '_stem', '') from pg_ts_dict
				where dictnamespace = 'pg_catalog'::regnamespace and dictname like '%\\_stem' and dictname <> 'simple'
				union select 'simple' order by 1""").query(String.class).list();
	}

	/** The language the vectors are built with now. */
	String current() {
		return jdbc.sql("select language from publishing.search_settings").query(String.class).single();
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
			jdbc.sql("select pg_advisory_xact_lock(hashtext('publishing.search_settings'))")
				.query(Object.class)
				.single();
			String current = jdbc.sql("select language from publishing.search_settings for update")
				.query(String.class)
				.single();
			if (current.equals(language)) {
				return;
			}
			// Identifiers cannot be bound; the name is one of the stemmers PostgreSQL
			// listed above.
			String stemmer = language.equals("simple") ? "simple" : language + "_stem";
			jdbc.sql("alter text search configuration publishing.search alter mapping for asciiword, asciihword, "
					+ "hword_asciipart with " + stemmer)
				.update();
			jdbc.sql("alter text search configuration publishing.search alter mapping for word, hword, hword_part "
					+ "with unaccent, " + stemmer)
				.update();
			int articles = jdbc.sql("update publishing.article set title = title").update();
			jdbc.sql("update publishing.search_settings set language = ?").param(language).update();
			log.info("Search language changed from={} to={} articlesRecomputed={}", current, language, articles);
		});
	}

}
