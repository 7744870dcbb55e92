package org.backstory;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Skips a test class when the suite runs against an external server
 * ({@code BACKSTORY_TEST_DATABASE_URL}, see {@link TestDatabase}): it is about the
 * PostgreSQL the app embeds, which the run without that variable covers.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@EnabledIf(value = "org.backstory.TestDatabase#embedded",
		disabledReason = "about the embedded PostgreSQL, which the run without BACKSTORY_TEST_DATABASE_URL covers")
public @interface EmbeddedDatabaseOnly {

}
