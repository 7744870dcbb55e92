package org.backstory.publishing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Search settings.
 *
 * @param language the language search stems words for
 * ({@code BACKSTORY_SEARCH_LANGUAGE}): the name of one of PostgreSQL's stemmers
 * ({@code english}, {@code french}, {@code german}, ...) or {@code simple} for none; a
 * change is applied at the next start (see {@link SearchLanguage})
 */
@ConfigurationProperties("backstory.search")
record SearchProperties(@DefaultValue("english") String language) {
}
