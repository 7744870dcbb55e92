package org.backstory.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The test archives under {@code src/test/resources/org/backstory/imports}, written for
 * these tests (no real publication's content): a Ghost JSON export, Backstory's own
 * posts.json and the files of a Substack export zip. Each use gets its own run token in
 * place of {@code {{run}}} (slugs, ids, addresses), so tests never see each other's
 * imports in the shared database.
 */
final class Archives {

	/** The token that makes this archive's slugs, ids and addresses its own. */
	final String run;

	private final Map<String, String> values = new LinkedHashMap<>();

	Archives() {
		run = "r" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
		values.put("{{run}}", run);
	}

	/**
	 * Also replaces {@code {{staff}}} (the address of a staff author) in the Ghost
	 * export.
	 */
	Archives staff(String email) {
		values.put("{{staff}}", email);
		return this;
	}

	byte[] ghost() {
		return bytes(text(resource("ghost-export.json")));
	}

	/**
	 * A posts.json as Backstory's own export writes it: Ghost's rows and the backstory
	 * section.
	 */
	byte[] backstory(UnaryOperator<String> change) {
		return bytes(change.apply(text(resource("backstory-export.json"))));
	}

	byte[] ghost(UnaryOperator<String> change) {
		return bytes(change.apply(text(resource("ghost-export.json"))));
	}

	/** The Substack export as its zip, one folder down as Substack's download unpacks. */
	byte[] substack() {
		return substack(files -> files);
	}

	/** The Substack export with its files (by path) changed first. */
	byte[] substack(UnaryOperator<Map<String, String>> change) {
		Path root = resource("substack");
		Map<String, String> files = new LinkedHashMap<>();
		try (Stream<Path> paths = Files.walk(root)) {
			paths.filter(Files::isRegularFile)
				.forEach(path -> files.put(fill(root.relativize(path).toString().replace('\\', '/')), text(path)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return zip("export-" + run + "/", change.apply(files));
	}

	static byte[] zip(String folder, Map<String, String> files) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			for (Map.Entry<String, String> file : files.entrySet()) {
				zip.putNextEntry(new ZipEntry(folder + file.getKey()));
				zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private String text(Path path) {
		try {
			return fill(Files.readString(path));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String fill(String text) {
		String filled = text;
		for (Map.Entry<String, String> value : values.entrySet()) {
			filled = filled.replace(value.getKey(), value.getValue());
		}
		return filled;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static Path resource(String name) {
		try {
			return Path.of(Archives.class.getResource(name).toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
