package org.backstory.publishing;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL behind {@link SearchLanguage}: the stemmers PostgreSQL has, the search
 * configuration's language, and recomputing the articles' search vectors.
 */
@Component
class SearchSettingsRepository {

	private final JdbcClient jdbc;

	SearchSettingsRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
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
	 * The language the vectors are built with, locked until the transaction ends (an
	 * advisory lock too, so two nodes starting together switch once).
	 */
	String lockCurrent() {
		jdbc.sql("select pg_advisory_xact_lock(hashtext('publishing.search_settings'))").query(Object.class).single();
		return jdbc.sql("select language from publishing.search_settings for update").query(String.class).single();
	}

	/**
	 * Switches the configuration to {@code language}'s stemmer and recomputes every
	 * article's vectors.
	 * @param language one of {@link #available()}
	 * @return how many articles were recomputed
	 */
	int switchTo(String language) {
		// Identifiers cannot be bound; the name is one of the stemmers PostgreSQL listed.
		String stemmer = language.equals("simple") ? "simple" : language + "_stem";
		jdbc.sql("alter text search configuration publishing.search alter mapping for asciiword, asciihword, "
				+ "hword_asciipart with " + stemmer)
			.update();
		jdbc.sql("alter text search configuration publishing.search alter mapping for word, hword, hword_part "
				+ "with unaccent, " + stemmer)
			.update();
		int articles = jdbc.sql("update publishing.article set title = title").update();
		jdbc.sql("update publishing.search_settings set language = ?").param(language).update();
		return articles;
	}

}
