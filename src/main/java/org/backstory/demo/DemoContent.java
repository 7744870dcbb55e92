package org.backstory.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The demo publication as read from {@code classpath:demo/} (format in that folder's
 * README).
 */
record DemoContent(Map<String, String> publication, List<List<String>> authors, List<List<String>> tags,
		List<List<String>> storylines, List<DemoArticle> articles, List<List<String>> storylineEvents) {

	private static final Set<String> ARTICLE_KEYS = Set.of("title", "slug", "dek", "authors", "tags", "storyline",
			"storyline_position", "visibility", "published_days_ago", "cover");

	/**
	 * One demo article: its front matter and its Markdown body.
	 *
	 * @param meta the front-matter values by key
	 * @param markdown the body
	 */
	record DemoArticle(Map<String, String> meta, String markdown) {

		String get(String key) {
			String value = meta.get(key);
			if (value == null) {
				throw new IllegalStateException("demo article " + meta.get("slug") + " has no " + key);
			}
			return value;
		}

		@Nullable String find(String key) {
			return meta.get(key);
		}

		List<String> list(String key) {
			return Arrays.stream(get(key).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
		}

	}

	static DemoContent load() {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		try {
			Resource[] files = resolver.getResources("classpath*:demo/articles/*.md");
			List<DemoArticle> articles = Arrays.stream(files)
				.sorted(Comparator.comparing(Resource::getFilename, Comparator.nullsLast(Comparator.naturalOrder())))
				.map(DemoContent::article)
				.toList();
			return new DemoContent(properties(resolver.getResource("classpath:demo/publication.properties")),
					records(resolver.getResource("classpath:demo/authors.txt")),
					records(resolver.getResource("classpath:demo/tags.txt")),
					records(resolver.getResource("classpath:demo/storylines.txt")), articles,
					records(resolver.getResource("classpath:demo/storyline-events.txt")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static DemoArticle parseArticle(String text) {
		List<String> lines = text.replace("\r\n", "\n").lines().toList();
		if (lines.isEmpty() || !lines.get(0).equals("---")) {
			throw new IllegalStateException("demo article does not start with front matter");
		}
		int end = lines.subList(1, lines.size()).indexOf("---") + 1;
		if (end == 0) {
			throw new IllegalStateException("demo article front matter is not closed");
		}
		Map<String, String> meta = new LinkedHashMap<>();
		for (String line : lines.subList(1, end)) {
			int colon = line.indexOf(':');
			String key = colon < 0 ? line.trim() : line.substring(0, colon).trim();
			if (colon < 0 || !ARTICLE_KEYS.contains(key)) {
				throw new IllegalStateException("unknown demo front-matter line: " + line);
			}
			meta.put(key, line.substring(colon + 1).trim());
		}
		return new DemoArticle(meta, String.join("\n", lines.subList(end + 1, lines.size())).strip() + "\n");
	}

	private static DemoArticle article(Resource resource) {
		return parseArticle(read(resource));
	}

	static List<List<String>> records(Resource resource) {
		List<List<String>> records = new ArrayList<>();
		read(resource).lines()
			.map(String::trim)
			.filter(line -> !line.isEmpty() && !line.startsWith("#"))
			.forEach(line -> records.add(Arrays.stream(line.split("\\|")).map(String::trim).toList()));
		return records;
	}

	private static Map<String, String> properties(Resource resource) {
		Properties properties = new Properties();
		try (InputStream in = resource.getInputStream()) {
			properties.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Map<String, String> values = new LinkedHashMap<>();
		properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
		return values;
	}

	private static String read(Resource resource) {
		try (InputStream in = resource.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
