package org.backstory;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a Spring test class a database of its own in the shared test server, for tests
 * that move the clock across months or run the renewal run over every due subscription:
 * they would otherwise act on other test classes' data, and other classes' data would
 * disturb their counts. It starts empty: no demo content is seeded into it, unless
 * {@link #demo()} asks for the demo publication (for tests whose requests may change or
 * delete whatever they reach).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface OwnDatabase {

	/**
	 * The database's name: lower-case letters, digits and underscores, unique among test
	 * classes.
	 */
	String value();

	/**
	 * Whether the demo publication and accounts are seeded into it, as into the shared
	 * database.
	 */
	boolean demo() default false;

}
