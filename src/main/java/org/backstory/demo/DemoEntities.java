package org.backstory.demo;

import java.util.List;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The demo's people, places and organisations, read from
 * {@code classpath:demo/entities.txt} (format in its README).
 */
final class DemoEntities {

	private DemoEntities() {
	}

	/** One record per entity: slug, kind, name, aliases (comma-separated), bio. */
	static List<List<String>> load() {
		return DemoContent
			.records(new PathMatchingResourcePatternResolver().getResource("classpath:demo/entities.txt"));
	}

}
